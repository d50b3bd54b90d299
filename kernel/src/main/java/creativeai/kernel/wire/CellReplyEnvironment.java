package creativeai.kernel.wire;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Where a request's replies and outputs go, as the messaging library's environment, plus what this kernel adds: input
 * read through {@link InputReader} (stale messages dropped, a stop ends the wait), payloads on a cell's reply (the
 * pager's text), and whether the reply was sent and the cell failed, for {@link ShellLoop}.
 */
public final class CellReplyEnvironment extends ShellReplyEnvironment {
    private final InputReader input;
    private final Message<?> request;
    private final List<Map<String, Object>> payload = new ArrayList<>();
    private boolean replied;
    private boolean executeFailed;

    CellReplyEnvironment(ShellChannel shell, InputReader input, JupyterSocket iopub, Message<?> request) {
        super(shell, input.socket(), iopub, request);
        this.input = input;
        this.request = request;
    }

    /** Shows text in the front end's pager (JupyterLab puts it below the cell) once the cell's reply is sent. */
    public void page(String text) {
        payload.add(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
    }

    @Override
    public void reply(Message<?> message) {
        replied = true;
        if (message.getContent() instanceof ErrorReply && message.getHeader().getType().getName().equals("execute_reply")) {
            executeFailed = true;
        } else if (message.getContent() instanceof ExecuteReply ok && ok.getStatus() == ExecuteReply.Status.OK && !payload.isEmpty()) {
            message = new Message<>(request, MessageType.EXECUTE_REPLY, new WithPayload(ok.getExecutionCount(), payload));
        }
        super.reply(message);
    }

    @Override
    public String readFromStdIn(String prompt, boolean isPassword) {
        return input.read(request, prompt, isPassword);
    }

    boolean replied() {
        return replied;
    }

    boolean executeFailed() {
        return executeFailed;
    }

    /** Whether the failed request asked that the cells queued after it not run (the protocol's default: yes). */
    boolean stopOnError() {
        return !(request.getContent() instanceof ExecuteRequest cell) || cell.shouldStopOnError();
    }

    /** An ok execute reply with the protocol's payload list (the pager's text). */
    static final class WithPayload extends ExecuteReply {
        @SuppressWarnings("unused") // read by Gson
        private final List<Map<String, Object>> payload;

        WithPayload(int executionCount, List<Map<String, Object>> payload) {
            super(executionCount, Collections.emptyMap());
            this.payload = List.copyOf(payload);
        }
    }
}
