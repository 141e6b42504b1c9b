package com.ztplatform.components.governance;

import com.pulumi.core.Output;

/**
 * Where the guardrail initiative is assigned: a platform resource group, or the configured scope.
 *
 * @param key short name of the scope, part of the assignment's name, like {@code hub}
 * @param id  the scope's ARM id, like {@code hubRg.id()}
 */
public record PolicyScope(String key, Output<String> id) {
}
