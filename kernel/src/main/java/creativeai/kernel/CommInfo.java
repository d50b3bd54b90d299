package creativeai.kernel;

import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;

import java.util.Map;

/**
 * A {@code comm_info_reply} with the {@code status} field the protocol requires (the messaging library's own reply
 * leaves it out, and front ends that check it take the reply for a failure).
 */
final class CommInfo extends CommInfoReply {
    @SuppressWarnings("unused") // read by Gson
    private final String status = "ok";

    CommInfo(Map<String, CommInfoReply.CommInfo> comms) {
        super(comms);
    }
}
