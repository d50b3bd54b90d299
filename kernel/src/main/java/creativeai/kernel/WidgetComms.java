package creativeai.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import creativeai.kernel.widgets.FrontEndMessage;
import creativeai.kernel.widgets.Widget;
import creativeai.kernel.widgets.WidgetLink;
import creativeai.kernel.widgets.WidgetState;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.comm.CommCloseCommand;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The kernel's end of Jupyter comms, for widgets: opens a comm per widget ({@code jupyter.widget}, protocol 2.1.0),
 * sends Java's changes, takes the front end's (checked, echoed, their listeners run on the {@link CallbackRunner}),
 * answers {@code comm_info} and the {@code jupyter.widget.control} comm a front end opens to fetch every widget's
 * state when a notebook is opened again. A message it cannot use is refused in the kernel's log with the reason,
 * and never stops the kernel.
 */
final class WidgetComms extends CommManager implements WidgetLink {
    static final String WIDGET_TARGET = "jupyter.widget";
    static final String CONTROL_TARGET = "jupyter.widget.control";
    static final String PROTOCOL_VERSION = "2.1.0";
    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();
    private final Set<String> controlComms = ConcurrentHashMap.newKeySet();
    private final CallbackRunner callbacks;
    private final PrintStream log;
    private final Function<Throwable, List<String>> describe;
    /** The message that outputs are answers to: the running cell's request, or the front end's message a callback runs for. */
    private volatile MessageContext parent;

    WidgetComms(CallbackRunner callbacks, PrintStream log, Function<Throwable, List<String>> describe) {
        this.callbacks = callbacks;
        this.log = log;
        this.describe = describe;
    }

    @Override
    public void setMessageContext(MessageContext context) {
        super.setMessageContext(context);
        parent = context;
    }

    /* Java to the front end */

    @Override
    public void open(Widget widget) {
        widgets.put(widget.id(), widget);
        if (iopub == null) return;
        WidgetState state = WidgetState.of(widget.state());
        JsonObject data = new JsonObject();
        data.add("state", state.json());
        data.add("buffer_paths", state.bufferPaths());
        CommOpenCommand open = new CommOpenCommand(widget.id(), WIDGET_TARGET, data);
        publish(new Message<>(parent, CommOpenCommand.MESSAGE_TYPE, open, blobs(state.buffers()), Map.of("version", PROTOCOL_VERSION)));
    }

    @Override
    public void update(Widget widget, Map<String, Object> changes) {
        send(widget.id(), "update", changes, parent);
    }

    @Override
    public void close(Widget widget) {
        if (widgets.remove(widget.id()) == null || iopub == null) return;
        publish(new Message<>(parent, CommCloseCommand.MESSAGE_TYPE, new CommCloseCommand(widget.id(), new JsonObject())));
    }

    private void send(String commId, String method, Map<String, Object> values, MessageContext context) {
        if (iopub == null) return;
        WidgetState state = WidgetState.of(values);
        JsonObject data = new JsonObject();
        data.addProperty("method", method);
        data.add("state", state.json());
        data.add("buffer_paths", state.bufferPaths());
        publish(new Message<>(context, CommMsgCommand.MESSAGE_TYPE, new CommMsgCommand(commId, data), blobs(state.buffers()), null));
    }

    @Override
    public List<String> describe(Throwable thrown) {
        return describe.apply(thrown);
    }

    /* the front end to Java */

    @Override
    public void handleCommOpenCommand(ReplyEnvironment env, Message<CommOpenCommand> message) {
        env.setBusyDeferIdle();
        guard("comm_open", () -> {
            CommOpenCommand open = message.getContent();
            if (CONTROL_TARGET.equals(open.getTargetName())) {
                controlComms.add(open.getCommID());
                return;
            }
            log.println("kernel: refused a comm to target '" + open.getTargetName() + "' (this kernel serves " + WIDGET_TARGET + " and " + CONTROL_TARGET + ")");
            env.publish(new CommCloseCommand(open.getCommID(), new JsonObject()));
        });
    }

    @Override
    public void handleCommMsgCommand(ReplyEnvironment env, Message<CommMsgCommand> message) {
        env.setBusyDeferIdle();
        guard("comm_msg", () -> {
            CommMsgCommand content = message.getContent();
            String id = content.getCommID();
            if (controlComms.contains(id)) {
                answerControl(id, content, message);
                return;
            }
            Widget widget = widgets.get(id);
            if (widget == null) throw new IllegalArgumentException("no widget with comm id " + id);
            Object data = WidgetState.plain(content.getData());
            if (!(data instanceof Map<?, ?> map)) throw new IllegalArgumentException("its data is not an object");
            @SuppressWarnings("unchecked")
            FrontEndMessage applied = FrontEndMessage.apply(widget, (Map<String, Object>) map,
                    message.getBlobs() == null ? List.of() : message.getBlobs());
            for (String refusal : applied.refused()) log.println("kernel: widget " + id + " refused " + refusal);
            if (!applied.echo().isEmpty()) send(id, "echo_update", applied.echo(), message);
            if (!applied.restate().isEmpty()) send(id, "update", applied.restate(), message);
            for (Runnable task : applied.toRun()) callbacks.schedule(task, () -> parent = message);
        });
    }

    /** The control comm's one request: every widget's state, so a reopened notebook draws its widgets again. */
    private void answerControl(String id, CommMsgCommand content, Message<CommMsgCommand> message) {
        String method = content.getData().has("method") ? content.getData().get("method").getAsString() : null;
        if (!"request_states".equals(method)) throw new IllegalArgumentException("the control comm knows request_states only, not " + method);
        JsonObject states = new JsonObject();
        JsonArray paths = new JsonArray(); // each [model id, "state", attribute], as ipywidgets writes them
        List<byte[]> buffers = new ArrayList<>();
        for (Widget widget : widgets.values()) {
            Map<String, Object> attributes = widget.state();
            WidgetState state = WidgetState.of(attributes);
            JsonObject entry = new JsonObject();
            entry.addProperty("model_name", (String) attributes.get("_model_name"));
            entry.addProperty("model_module", (String) attributes.get("_model_module"));
            entry.addProperty("model_module_version", (String) attributes.get("_model_module_version"));
            entry.add("state", state.json());
            states.add(widget.id(), entry);
            for (var path : state.bufferPaths()) {
                JsonArray full = new JsonArray();
                full.add(widget.id());
                full.add("state");
                full.addAll(path.getAsJsonArray());
                paths.add(full);
            }
            buffers.addAll(state.buffers());
        }
        JsonObject data = new JsonObject();
        data.addProperty("method", "update_states");
        data.add("states", states);
        data.add("buffer_paths", paths);
        publish(new Message<>(message, CommMsgCommand.MESSAGE_TYPE, new CommMsgCommand(id, data), blobs(buffers), null));
    }

    @Override
    public void handleCommCloseCommand(ReplyEnvironment env, Message<CommCloseCommand> message) {
        env.setBusyDeferIdle();
        guard("comm_close", () -> {
            String id = message.getContent().getCommID();
            if (!controlComms.remove(id) && widgets.remove(id) == null) throw new IllegalArgumentException("no comm " + id);
        });
    }

    @Override
    public void handleCommInfoRequest(ReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String only = message.getContent() == null ? null : message.getContent().getTargetName();
        Map<String, CommInfoReply.CommInfo> comms = new LinkedHashMap<>();
        if (only == null || only.isEmpty() || only.equals(WIDGET_TARGET)) {
            widgets.keySet().forEach(id -> comms.put(id, new CommInfoReply.CommInfo(WIDGET_TARGET)));
        }
        if (only == null || only.isEmpty() || only.equals(CONTROL_TARGET)) {
            controlComms.forEach(id -> comms.put(id, new CommInfoReply.CommInfo(CONTROL_TARGET)));
        }
        env.reply(new CommInfo(comms));
    }

    /** Sends on iopub from whatever thread changed a widget (the socket's own thread writes it: PacedIOPub). */
    private void publish(Message<?> message) {
        iopub.sendMessage(message);
    }

    /** The message library ends a message on its last buffer: an empty list must be null, or the message never ends. */
    private static List<byte[]> blobs(List<byte[]> buffers) {
        return buffers.isEmpty() ? null : buffers;
    }

    /** Runs a handler; whatever it throws is logged as a refusal of that message, and the kernel carries on. */
    private void guard(String what, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.println("kernel: refused a " + what + ": " + e.getMessage());
        }
    }
}
