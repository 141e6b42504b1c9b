package com.ztplatform.components.aks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the private AKS cluster serves the machine learning workspace as inference compute: the TLS name and the
 * Kubernetes secret of the Azure ML inference router ({@code azureml-fe}), which listens only on an internal load
 * balancer in the node subnet.
 *
 * @param tlsCname  the host name clients call the inference endpoints with, which the certificate names, like
 *                  {@code inference.ml.contoso.internal} (extension setting {@code sslCname})
 * @param tlsSecret the Kubernetes secret in the {@code azureml} namespace holding {@code cert.pem} and {@code key.pem},
 *                  created by the cluster's operators before the extension installs (extension setting
 *                  {@code sslSecret}). Default: {@value #DEFAULT_TLS_SECRET}
 */
public record InferenceSettings(String tlsCname, String tlsSecret) {
    /** The secret name used when the stack names none. */
    public static final String DEFAULT_TLS_SECRET = "azureml-fe-tls";

    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    /** A Kubernetes object name (DNS-1123 subdomain, kept to one label here). */
    private static final Pattern K8S_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    /**
     * Every problem, each starting with {@code path} and showing a valid example.
     *
     * @param path prefix of the keys, like {@code zt-databricks:aks.machineLearning.}
     * @return the problems; empty when valid
     */
    public List<String> problems(String path) {
        var problems = new ArrayList<String>();
        if (tlsCname == null || !HOST.matcher(tlsCname).matches()) {
            problems.add(path + "tlsCname must be a lowercase DNS name like inference.ml.contoso.internal (the name "
                    + "the inference router's certificate is issued for), got '" + tlsCname + "'");
        }
        if (tlsSecret == null || !K8S_NAME.matcher(tlsSecret).matches()) {
            problems.add(path + "tlsSecret must be a Kubernetes secret name like " + DEFAULT_TLS_SECRET + ", got '"
                    + tlsSecret + "'");
        }
        return problems;
    }
}
