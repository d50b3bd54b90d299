"""The Jupyter project's own kernel tests (jupyter_kernel_test) with every sample set, against the built kernel.

Run by test_conformance.py with Debian's /usr/bin/python3 (package python3-jupyter-kernel-test): `python3 -m unittest
kernel_conformance`. The kernelspec directory comes from COURSE_KERNELSPEC_DIR."""
import os
import unittest

import jupyter_kernel_test
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

SPEC_DIR = os.environ["COURSE_KERNELSPEC_DIR"]
KERNEL_NAME = os.environ.get("COURSE_KERNEL_NAME", "creative-ai-java")


class CourseKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME

    @classmethod
    def setUpClass(cls):
        cls.km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=KernelSpecManager(kernel_dirs=[SPEC_DIR]))
        cls.km.start_kernel()
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=60)

    language_name = "java"
    file_extension = ".jshell"

    def execute_helper(self, code, timeout=jupyter_kernel_test.TIMEOUT, silent=False, store_history=True,
                       stop_on_error=True):
        """Runs code and returns (reply, output messages), checking what the suite's own helper checks: a valid reply,
        busy, the outputs, then idle. The suite waits 0.1 s for each message after the reply, which a machine that
        is also training a chapter (the test run makes chapter runs meanwhile) cannot promise; this waits 5 s."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy = run_sync(self.kc.iopub_channel.get_msg)(timeout=5)
        validate_message(busy, "status", msg_id)
        self.assertEqual(busy["content"]["execution_state"], "busy")
        outputs = []
        while True:
            message = run_sync(self.kc.iopub_channel.get_msg)(timeout=5)
            validate_message(message, message["msg_type"], msg_id)
            if message["msg_type"] == "status":
                self.assertEqual(message["content"]["execution_state"], "idle")
                return reply, outputs
            if message["msg_type"] == "execute_input":
                self.assertEqual(message["content"]["code"], code)
            else:
                outputs.append(message)

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("careful");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "List.o", "matches": {"of("}},
        # a name declared earlier in the same cell, not yet run
        {"text": "int zebraCount = 3;\nzebraC", "matches": {"zebraCount"}},
        {"text": "void drawZebra() {}\ndrawZ", "matches": {"drawZebra("}},
    ]

    complete_code_samples = ["int a = 1;", "6 * 7", "for (int i = 0; i < 2; i++) { }", "record Pair(int a, int b) {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int x = ", "String s = String.join(\",\","]
    invalid_code_samples = ["}", "String s = \"unterminated"]

    code_page_something = 'page("A long text, shown in the pager.");'

    code_generate_error = 'throw new IllegalStateException("this cell fails on purpose");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"hello\".toUpperCase()", "result": "HELLO"},
        {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]

    code_display_data = [
        {"code": 'display("a line of text");', "mime": "text/plain"},
        {"code": 'display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));',
         "mime": "image/png"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = 'System.out.println("soon gone"); clearOutput();'


class CourseKernelExtraTests(CourseKernelTests):
    """What the protocol asks beyond the shared suite's samples."""

    def inspect(self, code, cursor_pos):
        self.flush_channels()
        self.kc.inspect(code, cursor_pos=cursor_pos)
        return self.get_non_kernel_info_reply(timeout=15)["content"]

    def test_inspect_with_the_cursor_on_a_name_with_or_without_its_parenthesis(self):
        for code, cursor in [("Math.max", 7), ("Math.max(1, 2)", 6), ("Math.max(1, 2)", 9), ("Math.max(", 9)]:
            with self.subTest(code=code, cursor=cursor):
                reply = self.inspect(code, cursor)
                self.assertTrue(reply["found"])
                self.assertIn("Math.max(int a, int b)", reply["data"]["text/plain"])

    def test_history_with_output_pairs_each_input_with_its_result(self):
        reply = self.history_helper(["6 * 7"], output=True, raw=True, hist_access_type="tail", n=1)
        [(session, line, (source, output))] = reply["content"]["history"]
        self.assertEqual((source, output), ("6 * 7", "42"))

    def test_history_search_unique_keeps_one_of_each_cell(self):
        reply = self.history_helper(["6 * 7", "6 * 7"], output=False, raw=True, hist_access_type="search",
                                    pattern="6 *", unique=True)
        self.assertEqual([entry[2] for entry in reply["content"]["history"]], ["6 * 7"])

    def test_clear_output_waiting_for_the_next_output(self):
        reply, outputs = self.execute_helper('System.out.println("old"); clearOutput(true); System.out.println("new");')
        kinds = [(m["msg_type"], m["content"].get("wait"), m["content"].get("text")) for m in outputs]
        self.assertEqual(kinds, [("stream", None, "old\n"), ("clear_output", True, None), ("stream", None, "new\n")])


del CourseKernelTests  # run once, as part of the subclass

if __name__ == "__main__":
    unittest.main()
