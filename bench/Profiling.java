import java.lang.reflect.Method;

/**
 * Brackets a benchmark's measured training steps with async-profiler when {@code bench/run profile} asks for it:
 * the system property {@code bench.profile} names the output (without extension) and {@code bench.profiler} the
 * library. CPU samples every millisecond, of Java and native frames in every thread (so garbage collection and the
 * JIT compiler show too), are written as a flame graph ({@code .html}) and as collapsed stacks ({@code .collapsed},
 * which bench/profile_summary.py sorts into where the time goes). Without the property it does nothing. The profiler
 * is reached by reflection, so the benchmarks compile without its jar.
 */
final class Profiling {
    private static Object profiler;
    private static Method execute;

    private Profiling() {
    }

    static void start() throws Exception {
        String library = System.getProperty("bench.profiler");
        if (System.getProperty("bench.profile") == null || library == null) return;
        Class<?> type = Class.forName("one.profiler.AsyncProfiler");
        profiler = type.getMethod("getInstance", String.class).invoke(null, library);
        execute = type.getMethod("execute", String.class);
        execute.invoke(profiler, "start,event=cpu,interval=1ms");
    }

    static void stop() throws Exception {
        if (profiler == null) return;
        String out = System.getProperty("bench.profile");
        execute.invoke(profiler, "stop");
        execute.invoke(profiler, "dump,file=" + out + ".collapsed,collapsed");
        execute.invoke(profiler, "dump,file=" + out + ".html,flamegraph,title=" + out.substring(out.lastIndexOf('/') + 1));
        profiler = null;
    }
}
