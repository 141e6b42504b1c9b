package com.ztplatform.stack.reports;

import java.util.List;

/**
 * What one evidence rule found in a plan.
 *
 * @param rule     the rule's id (as the compliance mapping names it)
 * @param policy   the policy-pack policy this rule must agree with, or empty when no policy checks the same thing
 * @param status   met, not met, or not applicable (the plan has nothing the rule looks at)
 * @param evidence the resources and properties that implement it ({@code fw-policy: threatIntelMode=Deny})
 * @param problems why it is not met, one line per resource and property
 */
public record Evidence(String rule, String policy, Status status, List<String> evidence, List<String> problems) {
    public enum Status { MET, NOT_MET, NOT_APPLICABLE }

    public Evidence {
        evidence = List.copyOf(evidence);
        problems = List.copyOf(problems);
    }
}
