package io.github.cameliot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.tencentcloudapi.common.DatatypeConverter;
import com.tencentcloudapi.common.Sign;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.github.cameliot.cloudapi.sign.Tc3Signer;
import io.github.cameliot.cloudapi.tencent.TencentApiProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One TC3-HMAC-SHA256 {@code Authorization} header for the same PublishMessage body, host and timestamp: ours
 * ({@link Tc3Signer}, which derives the signing key once a day) against the official SDK's v3 signing, composed from its
 * public helpers ({@link Sign#sha256Hex(byte[])}, {@link Sign#hmac256(byte[], String)}) the way its
 * {@code AbstractClient} does for TC3 (a new {@link SimpleDateFormat} per call, four HMACs, upper-case hex lowered).
 * The third variant makes a new {@link Tc3Signer} per call, so that the key is derived every time as the SDK does: the
 * difference between it and the first is what the per-day key cache buys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String HOST = "iotcloud.tencentcloudapi.com";
    static final String SERVICE = "iotcloud";
    static final long TIMESTAMP = 1_700_000_000L;
    static final byte[] BODY = ("{\"Payload\":\"{\\\"cmd\\\":\\\"on\\\",\\\"brightness\\\":80}\",\"ProductId\":\"ABCDE12345\","
                                + "\"DeviceName\":\"dev1\",\"Topic\":\"ABCDE12345/dev1/control\"}").getBytes(StandardCharsets.UTF_8);

    private final Tc3Signer signer = new Tc3Signer(SERVICE);

    @Setup
    public void check() throws TencentCloudSDKException {
        String ours = cameliot();
        String sdk = sdk();
        if (!ours.equals(sdk) || !ours.equals(cameliotNewSigner())) {
            throw new IllegalStateException("The signatures differ:\n" + ours + "\n" + sdk);
        }
    }

    @Benchmark
    public String cameliot() {
        return signer.authorization(SECRET_ID, SECRET_KEY, TIMESTAMP, "POST", "", signedHeaders(), BODY);
    }

    @Benchmark
    public String cameliotNewSigner() {
        return new Tc3Signer(SERVICE).authorization(SECRET_ID, SECRET_KEY, TIMESTAMP, "POST", "", signedHeaders(), BODY);
    }

    @Benchmark
    public String sdk() throws TencentCloudSDKException {
        String endpoint = HOST;
        String contentType = "application/json; charset=utf-8";
        String canonicalHeaders = "content-type:" + contentType + "\nhost:" + endpoint + "\n";
        String signedHeaders = "content-type;host";
        String hashedRequestPayload = Sign.sha256Hex(BODY);
        String canonicalRequest = "POST" + "\n" + "/" + "\n" + "" + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                                  + hashedRequestPayload;
        String timestamp = String.valueOf(TIMESTAMP);
        SimpleDateFormat sdf = new SimpleDateFormat("yyyy-MM-dd");
        sdf.setTimeZone(TimeZone.getTimeZone("UTC"));
        String date = sdf.format(new java.sql.Date(Long.valueOf(timestamp + "000")));
        String service = endpoint.split("\\.")[0];
        String credentialScope = date + "/" + service + "/tc3_request";
        String hashedCanonicalRequest = Sign.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + credentialScope + "\n" + hashedCanonicalRequest;
        byte[] secretDate = Sign.hmac256(("TC3" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Sign.hmac256(secretDate, service);
        byte[] secretSigning = Sign.hmac256(secretService, "tc3_request");
        String signature = DatatypeConverter.printHexBinary(Sign.hmac256(secretSigning, stringToSign)).toLowerCase();
        return "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + credentialScope + ", SignedHeaders=" + signedHeaders
               + ", Signature=" + signature;
    }

    /** The headers {@link TencentApiProtocol} signs, built per request as it does. */
    private static TreeMap<String, String> signedHeaders() {
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", TencentApiProtocol.CONTENT_TYPE);
        signed.put("host", HOST);
        return signed;
    }
}
