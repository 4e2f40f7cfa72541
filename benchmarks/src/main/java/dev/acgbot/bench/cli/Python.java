package dev.acgbot.bench.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python interpreter a benchmark drives (faiss, torch), checked before any work: when it or one of the
 * modules is missing, a {@link MissingPrerequisite} names the exact Debian packages to install. Nothing is
 * installed from here.
 *
 * @param executable the interpreter ({@code --python}; Debian's {@code /usr/bin/python3} by default, since
 *                   the modules come from Debian packages)
 */
public record Python(String executable) {
    public static final String DEFAULT = "/usr/bin/python3";

    /** A Python module and the Debian package that provides it. */
    public record Module(String name, String debianPackage) {
    }

    public static final Module NUMPY = new Module("numpy", "python3-numpy");
    public static final Module FAISS = new Module("faiss", "python3-faiss");
    public static final Module TORCH = new Module("torch", "python3-torch");
    public static final Module ONNX = new Module("onnx", "python3-onnx");

    /**
     * Throws {@link MissingPrerequisite} unless the interpreter runs and imports every module.
     *
     * @param purpose what needs them, for the message (e.g. "bench index's faiss side")
     * @param escape  how to do without them, or empty (e.g. "or pass --no-faiss")
     */
    public void require(String purpose, String escape, Module... modules) {
        List<Module> missing = new ArrayList<>();
        for (Module m : modules) {
            Import result = tryImport(m.name());
            if (result == Import.NO_INTERPRETER) {
                throw new MissingPrerequisite(purpose + " needs Python 3, and " + executable + " does not run: "
                        + installHint(withPython(modules)) + suffix(escape));
            }
            if (result == Import.MISSING) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPrerequisite(purpose + " needs the Python module" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(Module::name).toList()) + " for " + executable + ": "
                    + installHint(missing) + suffix(escape));
        }
    }

    private static List<Module> withPython(Module... modules) {
        List<Module> all = new ArrayList<>(List.of(new Module("python3", "python3")));
        all.addAll(List.of(modules));
        return all;
    }

    private static String suffix(String escape) {
        return escape.isEmpty() ? "" : " (" + escape + ")";
    }

    private static String installHint(List<Module> modules) {
        return "install with `sudo apt-get install " + String.join(" ", modules.stream().map(Module::debianPackage).toList()) + "`";
    }

    private enum Import { OK, MISSING, NO_INTERPRETER }

    private Import tryImport(String name) {
        try {
            Process p = new ProcessBuilder(executable, "-c", "import " + name).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Import.MISSING;
            }
            return p.exitValue() == 0 ? Import.OK : Import.MISSING;
        } catch (IOException e) {
            return Import.NO_INTERPRETER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + executable, e);
        }
    }
}
