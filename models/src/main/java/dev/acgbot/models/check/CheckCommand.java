package dev.acgbot.models.check;

import dev.acgbot.models.manifest.CheckRecords;
import dev.acgbot.models.api.CheckVerdict;
import dev.acgbot.models.runtime.InferenceRuntime;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code acgbot models check [id]}: checks one model or every installed one, prints each finding and a verdict
 * line per model, and records the verdict beside the model's files. Exit code 0 when every model checked
 * passed, 1 when one failed or none is installed; an unknown id is an {@link IllegalArgumentException}.
 */
public final class CheckCommand {
    private final InferenceRuntime runtime;
    private final PrintStream out;
    private final Clock clock;

    public CheckCommand(InferenceRuntime runtime, PrintStream out, Clock clock) {
        this.runtime = runtime;
        this.out = out;
        this.clock = clock;
    }

    public int run(Optional<String> id) {
        ModelChecker checker = new ModelChecker(runtime, clock);
        List<String> ids;
        if (id.isPresent()) {
            if (runtime.manifest(id.get()).isEmpty()) {
                // as `models fetch nosuch`: the command line prints it as one stderr line and exits 2
                throw new IllegalArgumentException("unknown model '" + id.get() + "'; `acgbot models list` shows the known models");
            }
            ids = List.of(id.get());
        } else {
            ids = checker.installed();
            if (ids.isEmpty()) {
                out.println("no model is installed: `acgbot models fetch` installs the default set, then check again");
                return 1;
            }
        }
        int failed = 0;
        for (String model : ids) {
            if (runtime.model(model).map(m -> !m.available()).orElse(true)) {
                out.println(model + ": not installed (`acgbot models fetch " + model + "`)");
                failed++;
                continue;
            }
            CheckVerdict v = checker.check(model);
            CheckRecords.write(runtime.paths(), runtime.manifest(model).orElseThrow(), v);
            out.println(model + ":");
            v.findings().forEach(line -> out.println("  " + line));
            out.println("  => " + (v.passed() ? "PASS" : "FAIL") + " " + model);
            if (!v.passed()) {
                failed++;
            }
        }
        out.println(failed == 0 ? "all " + ids.size() + " checked model(s) passed"
                : failed + " of " + ids.size() + " model(s) failed: `acgbot index` refuses a model whose last check"
                + " failed (override: `acgbot index --ignore-failed-check`)");
        return failed == 0 ? 0 : 1;
    }
}
