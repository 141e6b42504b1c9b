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
    /** What a rule found. */
    public enum Status {
        /** Every resource the rule looks at complies. */
        MET,
        /** At least one does not ({@code problems} says which). */
        NOT_MET,
        /** The plan has nothing the rule looks at. */
        NOT_APPLICABLE
    }

    /**
     * Copies the lists.
     *
     * @param rule     the rule's id
     * @param policy   the policy it must agree with, or empty
     * @param status   what it found
     * @param evidence the resources and properties that implement it
     * @param problems why it is not met
     */
    public Evidence {
        evidence = List.copyOf(evidence);
        problems = List.copyOf(problems);
    }
}
