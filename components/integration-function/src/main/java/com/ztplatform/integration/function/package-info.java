/**
 * The private integration's Azure Function: it records finished landing runs from a Service Bus queue
 * ({@link com.ztplatform.integration.function.LandingRunRecorder}).
 */
package com.ztplatform.integration.function;
