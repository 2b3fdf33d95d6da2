package io.github.cameliot.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.auth.Signer;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.aliyuncs.http.MethodType;
import io.github.cameliot.cloudapi.sign.AliyunRpcSigner;
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
 * One Alibaba Cloud RPC {@code Signature} for the same Pub request (common parameters included): ours
 * ({@link AliyunRpcSigner}) against the official {@code aliyun-java-sdk-core}'s path, its
 * {@link RpcSignatureComposer} (URLEncoder-based encoding, a sorted copy of the parameters) and
 * {@link HmacSHA1Signer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AliyunSigningBenchmark {

    static final String SECRET = "testsecretEXAMPLEEXAMPLEEXAMPLE";
    static final Map<String, String> PUB = Map.ofEntries(
            Map.entry("Action", "Pub"), Map.entry("Format", "JSON"), Map.entry("Version", "2018-01-20"),
            Map.entry("AccessKeyId", "LTAI5tEXAMPLEEXAMPLE"), Map.entry("SignatureMethod", "HMAC-SHA1"),
            Map.entry("SignatureVersion", "1.0"), Map.entry("SignatureNonce", "0715a395-aedf-4a41-bab7-746b43d38d88"),
            Map.entry("Timestamp", "2025-10-02T09:39:41Z"), Map.entry("RegionId", "cn-shanghai"),
            Map.entry("ProductKey", "a1BwAGV****"), Map.entry("TopicFullName", "/a1BwAGV****/device1/user/get"),
            Map.entry("MessageContent", "eyJjbWQiOiJvbiIsImJyaWdodG5lc3MiOjgwfQ=="), Map.entry("Qos", "1"));

    private static final Signer SDK_SIGNER = new HmacSHA1Signer();

    @Setup
    public void check() {
        if (!cameliot().equals(sdk())) {
            throw new IllegalStateException("The signatures differ: " + cameliot() + " " + sdk());
        }
    }

    @Benchmark
    public String cameliot() {
        return AliyunRpcSigner.sign("POST", new TreeMap<>(PUB), SECRET);
    }

    @Benchmark
    public String sdk() {
        String stringToSign = RpcSignatureComposer.getComposer().composeStringToSign(MethodType.POST, null, SDK_SIGNER, PUB,
                null, null);
        return SDK_SIGNER.signString(stringToSign, SECRET + "&");
    }
}
