package com.ztplatform.landing;

import java.lang.reflect.Proxy;
import java.util.Map;

import com.databricks.dbutils_v1.DBUtilsHolder;
import com.databricks.dbutils_v1.DBUtilsV1;
import com.databricks.dbutils_v1.SecretUtils;

/**
 * Installs a dbutils whose secrets come from a map, the way the Databricks Runtime installs its own: in
 * {@link DBUtilsHolder#dbutils0()} (an inheritable thread local). Only {@code secrets().get} is served.
 */
final class FakeDbutils {

    private FakeDbutils() {
    }

    /** Serves "scope/key" to value for this thread and threads it starts from now on. */
    static void serve(Map<String, String> secrets) {
        SecretUtils secretUtils = (SecretUtils) Proxy.newProxyInstance(FakeDbutils.class.getClassLoader(),
                new Class<?>[] {SecretUtils.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("get")) {
                        throw new UnsupportedOperationException("dbutils.secrets." + method.getName());
                    }
                    String v = secrets.get(args[0] + "/" + args[1]);
                    if (v == null) {
                        throw new IllegalArgumentException("Secret does not exist with scope: " + args[0] + " and key: "
                                + args[1]);
                    }
                    return v;
                });
        DBUtilsV1 dbutils = (DBUtilsV1) Proxy.newProxyInstance(FakeDbutils.class.getClassLoader(),
                new Class<?>[] {DBUtilsV1.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("secrets")) {
                        throw new UnsupportedOperationException("dbutils." + method.getName());
                    }
                    return secretUtils;
                });
        DBUtilsHolder.dbutils0().set(dbutils);
    }

    /** Back to what a plain JVM has: no dbutils implementation. */
    static void remove() {
        DBUtilsHolder.dbutils0().remove();
    }
}
