package com.ztplatform.stack.reports;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code java -cp zt-platform.jar com.ztplatform.stack.reports.EvidenceCli PLAN.json...}: prints, per plan, every
 * evidence rule tied to a policy of the pack with its status, as JSON. The policy pack's parity test runs it on
 * the real and mutated plans and compares with the pack's own verdicts. Exit 2 when a plan cannot be read.
 */
public final class EvidenceCli {
    private EvidenceCli() {
    }

    /**
     * Prints, per plan, each evidence rule tied to a policy with its status.
     *
     * @param args plan.json files
     */
    public static void main(String[] args) {
        var out = new JsonObject();
        for (var file : args) {
            PlanModel plan;
            try {
                plan = PlanModel.read(Path.of(file));
            } catch (IOException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
            var rules = new JsonArray();
            for (var id : EvidenceRules.ids()) {
                if (EvidenceRules.policyOf(id).isEmpty()) {
                    continue;
                }
                var e = EvidenceRules.evaluate(id, plan);
                var o = new JsonObject();
                o.addProperty("rule", id);
                o.addProperty("policy", e.policy());
                o.addProperty("status", e.status().name());
                var problems = new JsonArray();
                e.problems().forEach(problems::add);
                o.add("problems", problems);
                rules.add(o);
            }
            out.add(file, rules);
        }
        System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(out));
    }
}
