package com.ztplatform.landing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code dbutils.secrets.get(scope, key)} on a Databricks cluster, found by reflection so nothing
 * Databricks-specific is needed to compile or test this module.
 *
 * <p>Lookup order: {@code com.databricks.dbutils_v1.DBUtilsHolder.dbutils()} (present on every Databricks
 * Runtime cluster; the dbutils-api entry point for JAR jobs), then the Scala object's {@code MODULE$},
 * then {@code com.databricks.sdk.scala.dbutils.DBUtils.getDBUtils()} (Databricks Utilities for Scala).
 * Off Databricks every lookup fails and {@link #get} throws a {@link SecretAccessException} that says so.
 */
final class DatabricksSecretSource implements SecretSource {

    static final String HOLDER = "com.databricks.dbutils_v1.DBUtilsHolder";
    static final String SDK_DBUTILS = "com.databricks.sdk.scala.dbutils.DBUtils";

    private final ClassLoader loader;
    private volatile Object secrets;

    DatabricksSecretSource() {
        this(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : DatabricksSecretSource.class.getClassLoader());
    }

    DatabricksSecretSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String get(String scope, String key) {
        Object s = secretsUtil();
        try {
            Object v = invokePublic(s, "get", new Class<?>[] {String.class, String.class}, scope, key);
            if (v == null) {
                throw new SecretAccessException("secret '" + key + "' in scope '" + scope + "' is empty");
            }
            return (String) v;
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new SecretAccessException("secret '" + key + "' in scope '" + scope + "' could not be read ("
                    + c.getClass().getSimpleName() + ": " + c.getMessage() + "). Check that the scope and key exist"
                    + " ('databricks secrets list-secrets " + scope + "'), that the job's run-as identity has READ on"
                    + " the scope and, for a Key Vault-backed scope, that the AzureDatabricks application has"
                    + " 'Key Vault Secrets User' on the vault and the vault firewall lets it in", c);
        } catch (ReflectiveOperationException e) {
            throw new SecretAccessException("dbutils.secrets.get is not callable on this runtime: " + e, e);
        }
    }

    private Object secretsUtil() {
        Object s = secrets;
        if (s != null) {
            return s;
        }
        Object dbutils = locateDbutils();
        try {
            s = invokePublic(dbutils, "secrets", new Class<?>[0]);
        } catch (ReflectiveOperationException e) {
            throw new SecretAccessException("dbutils.secrets is not available on this runtime: " + e, e);
        }
        secrets = s;
        return s;
    }

    private Object locateDbutils() {
        StringBuilder tried = new StringBuilder();
        try {
            Class<?> holder = Class.forName(HOLDER, true, loader);
            try {
                Method m = holder.getMethod("dbutils");
                if (Modifier.isStatic(m.getModifiers())) {
                    return m.invoke(null);
                }
            } catch (NoSuchMethodException e) {
                tried.append(HOLDER).append(".dbutils() missing; ");
            }
            Class<?> module = Class.forName(HOLDER + "$", true, loader);
            Object instance = module.getField("MODULE$").get(null);
            return module.getMethod("dbutils").invoke(instance);
        } catch (ClassNotFoundException e) {
            tried.append(HOLDER).append(" not on the classpath; ");
        } catch (ReflectiveOperationException | RuntimeException e) {
            tried.append(HOLDER).append(" failed: ").append(e).append("; ");
        }
        try {
            Class<?> sdk = Class.forName(SDK_DBUTILS, true, loader);
            return sdk.getMethod("getDBUtils").invoke(null);
        } catch (ClassNotFoundException e) {
            tried.append(SDK_DBUTILS).append(" not on the classpath");
        } catch (ReflectiveOperationException | RuntimeException e) {
            tried.append(SDK_DBUTILS).append(" failed: ").append(e);
        }
        throw new SecretAccessException("dbutils is not available (" + tried + "). The landing jobs read their"
                + " credentials with dbutils.secrets and must run on a Databricks cluster as a spark_jar_task;"
                + " local runs and tests pass their own SecretSource.");
    }

    /**
     * Calls a public method through a public declaring type: the runtime class of a Scala/Databricks object is
     * often not public, while the interface declaring the method is.
     */
    static Object invokePublic(Object target, String name, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(target.getClass());
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    Method m = c.getMethod(name, types);
                    if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                        return m.invoke(target, args);
                    }
                } catch (NoSuchMethodException ignored) {
                    // keep searching the hierarchy
                }
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(java.util.List.of(c.getInterfaces()));
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }
}
