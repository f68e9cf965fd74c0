package org.customersegmentation.support;

/** The API keys the end-to-end tests configure. */
public final class Tenants {

    public static final String ACME = "acme";
    public static final String ACME_KEY = "acme-test-key-0123456789";
    /** What acme's job callbacks are signed with; the other tenants have no callback secret. */
    public static final String ACME_CALLBACK_SECRET = "acme-callback-secret";
    public static final String GLOBEX = "globex";
    public static final String GLOBEX_KEY = "globex-test-key-0123456789";
    /** A tenant only the listing test writes to, so that it can count what it sees. */
    public static final String INITECH = "initech";
    public static final String INITECH_KEY = "initech-test-key-0123456789";

    /** A tenant with a request rate limit low enough for a test to reach: 2 a second, in bursts of 3. */
    public static final String UMBRELLA = "umbrella";
    public static final String UMBRELLA_KEY = "umbrella-test-key-0123456789";

    /** The tenant the fuzz test sends its thousands of generated requests as. */
    public static final String FUZZ = "fuzz";
    public static final String FUZZ_KEY = "fuzz-test-key-0123456789";

    /** The operator's credential, for /admin and the metrics. */
    public static final String OPERATOR_KEY = "operator-test-key-0123456789-0123456789";

    private Tenants() {
    }
}
