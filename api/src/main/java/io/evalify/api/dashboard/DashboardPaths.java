package io.evalify.api.dashboard;

/** The dashboard's URLs. */
final class DashboardPaths {

    static final String ROOT = "/dashboard";
    static final String SIGN_IN = ROOT + "/sign-in";
    static final String SIGN_OUT = ROOT + "/sign-out";
    static final String JOBS = ROOT + "/jobs";
    static final String LANES = ROOT + "/lanes";
    static final String ASSETS = ROOT + "/assets";

    private DashboardPaths() {}

    static String job(String jobId) {
        return JOBS + "/" + jobId;
    }

    static String failures(String jobId) {
        return job(jobId) + "/failures";
    }
}
