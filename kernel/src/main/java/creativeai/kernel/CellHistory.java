package creativeai.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, in order, answering Jupyter's history requests (a console's up arrow, JupyterLab's
 * history lookups). Without it the base kernel leaves a history request unanswered, and JupyterLab shows the
 * kernel's status as "Unknown" until the first cell runs. Only this session is kept: session 0, cells from 1.
 */
final class CellHistory implements HistoryManager {
    private final List<String> cells = new ArrayList<>();
    /** The text form of each cell's result, null for a cell without one. */
    private final List<String> outputs = new ArrayList<>();

    synchronized void add(String cell) {
        cells.add(cell);
        outputs.add(null);
    }

    /** The last cell's result, as text, for history requests that ask for output. */
    synchronized void setLastOutput(String text) {
        if (!outputs.isEmpty()) outputs.set(outputs.size() - 1, text);
    }

    /** Answers a history request as the protocol asks: status busy, the reply, status idle. */
    void answer(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) flags.add(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) flags.add(ResultFlag.UNIQUE);
                yield search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new Reply(entries, request.includeOutput()));
    }

    /**
     * A history reply with each entry as the protocol's [session, line, input] triple, or [session, line, [input,
     * output]] when output was asked for: the base kernel's own {@code HistoryReply} is written with entries as JSON
     * objects, which JupyterLab cannot read.
     */
    static final class Reply implements ContentType<Reply>, ReplyType<HistoryRequest> {
        @SuppressWarnings("unchecked") // the type argument only types the content in Java; on the wire it is the name
        private static final MessageType<Reply> TYPE = (MessageType<Reply>) (MessageType<?>) MessageType.HISTORY_REPLY;

        private final String status = "ok";
        private final List<List<Object>> history;

        Reply(List<HistoryEntry> entries, boolean withOutput) {
            history = entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                    withOutput ? Arrays.asList(e.getInput(), e.getOutput()) : e.getInput())).toList();
        }

        @Override
        public MessageType<Reply> getType() {
            return TYPE;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return MessageType.HISTORY_REQUEST;
        }
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return entries(Math.max(0, cells.size() - Math.max(0, length)), cells.size(), flags);
    }

    /** Cells start..stop-1, numbered from 1 (stop 0 or less: to the end), for the current session (0) only. */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0) return List.of();
        int end = stop <= 0 ? cells.size() : Math.min(stop - 1, cells.size());
        return entries(Math.max(0, start - 1), Math.max(Math.max(0, start - 1), end), flags);
    }

    /** The last {@code length} cells matching a glob ({@code *} any text, {@code ?} one character). */
    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        LinkedHashMap<String, HistoryEntry> found = new LinkedHashMap<>();
        List<HistoryEntry> all = new ArrayList<>();
        for (HistoryEntry entry : entries(0, cells.size(), flags)) {
            if (!pattern.matcher(entry.getInput()).matches()) continue;
            all.add(entry);
            found.remove(entry.getInput()); // a repeated cell counts once, at its latest place
            found.put(entry.getInput(), entry);
        }
        List<HistoryEntry> matches = flags.contains(ResultFlag.UNIQUE) ? new ArrayList<>(found.values()) : all;
        return length <= 0 ? matches : matches.subList(Math.max(0, matches.size() - length), matches.size());
    }

    private List<HistoryEntry> entries(int from, int to, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = from; i < to; i++) entries.add(new HistoryEntry(0, i + 1, cells.get(i), withOutput ? outputs.get(i) : null));
        return entries;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : (glob == null || glob.isEmpty() ? "*" : glob).split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return regex.toString();
    }
}
