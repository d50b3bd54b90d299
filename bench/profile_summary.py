"""Where a profiled training step's processor time goes: reads async-profiler's collapsed stacks (one line per
distinct stack, frames separated by ';', then the sample count; bench/Profiling.java writes them) and sorts every
sample into one category by its frames, first rule that matches. Prints a Markdown table over all threads and over
the benchmark's own thread (the step's critical path), then the ten hottest leaf frames.
    python3 bench/profile_summary.py bench/.work/profiles/dcgan.collapsed"""
import collections
import re
import sys

# (category, where to look: "stack" = any frame, "leaf" = the sampled frame, pattern)
RULES = [
    ("threads spin-waiting (sched_yield)", "stack", r"sched_yield"),
    ("JIT compiler", "stack", r"CompileBroker::|C2Compiler|Compilation::"),
    ("garbage collection", "stack", r"VMThread::|GenCollectedHeap|DefNewGeneration|SerialHeap|G1[A-Z]|GCTaskThread"),
    ("matrix products (OpenBLAS)", "leaf", r"gemm|_HASWELL|_SKYLAKEX|_ZEN|openblas"),
    ("oneDNN (convolutions and their products)", "leaf", r"dnnl"),
    ("memory: allocate, zero, copy, page faults", "leaf",
     r"malloc|_int_free|cfree|memset|memmove|memcpy|operator new|operator delete|mmap|munmap|page_fault|clear_page"
     r"|Deallocator|Workspace|Pointer\.|DataBuffer"),
    ("ND4J native kernels (elementwise, reductions)", "leaf",
     r"functions::|simdOps::|sd::ops::helpers|NDArray::apply|reduceExec|_fma$|expm1f|tanhf|logf|__ieee|libm"),
    ("ND4J op dispatch, native side (shapes, contexts)", "leaf", r"^sd::|^shape::|ShapeDescriptor|ConstantShapeHelper|std::"),
    ("inside an ND4J call, native frames not unwound (shown as the JNI method)", "leaf",
     r"Nd4jCpu\.|NativeOps|Java_org_|JNIHandle|jni_"),
    ("validation", "stack", r"OpValidation|Preconditions\.|validate"),
    ("SameDiff session bookkeeping (Java)", "leaf", r"^org/nd4j/autodiff/"),
    ("ND4J op dispatch, Java side", "leaf", r"^org/nd4j/"),
    ("DL4J layers (Java)", "leaf", r"^org/deeplearning4j/"),
    ("other Java (JDK, collections)", "leaf", r"^(java|jdk|sun|com/google|it/unimi|org/bytedeco)/"),
    ("kernel (system calls, scheduling)", "leaf", r"_\[k\]$"),
]
OTHER = "other native"


def category(frames):
    for name, where, pattern in RULES:
        text = ";".join(frames) if where == "stack" else frames[-1]
        if re.search(pattern, text):
            return name
    return OTHER


def read(path):
    for line in open(path, encoding="utf-8", errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if stack:
            yield stack.split(";"), int(count)


def summary(path):
    everywhere, own, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    for frames, count in read(path):
        kind = category(frames)
        everywhere[kind] += count
        if frames[0].endswith(".main"):
            own[kind] += count
        leaves[frames[-1][:110]] += count
    total, own_total = sum(everywhere.values()), sum(own.values()) or 1
    lines = [f"{total} samples of 1 ms; {100 * own_total / total:.0f}% of them in the benchmark's own thread.", "",
             "| where the time goes | all threads | the benchmark's thread |", "|---|---:|---:|"]
    for name in [rule[0] for rule in RULES] + [OTHER]:
        if everywhere[name]:
            lines.append(f"| {name} | {100 * everywhere[name] / total:.1f}% | {100 * own[name] / own_total:.1f}% |")
    lines += ["", "| hottest frames (self time) | all threads |", "|---|---:|"]
    lines += [f"| `{frame.replace('|', '/')}` | {100 * count / total:.1f}% |" for frame, count in leaves.most_common(10)]
    return "\n".join(lines)


if __name__ == "__main__":
    print(summary(sys.argv[1]))
