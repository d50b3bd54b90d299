package creativeai.kernel;

import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/** The kernel_info reply with the {@code status} field the Jupyter protocol requires (the base library omits it). */
final class KernelInfo extends KernelInfoReply {
    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";

    KernelInfo(String implementation, String version, LanguageInfo language, String banner, List<LanguageInfo.Help> help) {
        super(Header.PROTOCOL_VERISON, implementation, version, language, banner, help);
    }
}
