import com.sun.net.httpserver.HttpServer;
import dev.acgbot.adapterkit.links.*;
import okhttp3.*;
import java.net.*;
import java.util.*;

/**
 * What the link checks cost: interleaved A/B of a plain OkHttp GET and SafeLinkFetcher.fetch of the same 1 MiB image
 * on 127.0.0.1 (median ms per fetch, first 100 rounds dropped as warm-up). Run from the repository root:
 * <pre>
 * ./mvnw -B -o -q -pl bot/adapter-kit -am compile
 * ./mvnw -B -o -q -pl bot/adapter-kit dependency:build-classpath -Dmdep.outputFile=/tmp/kitcp.txt
 * java -cp "bot/adapter-kit/target/classes:$(cat /tmp/kitcp.txt)" scripts/LinkFetchBench.java
 * </pre>
 */
public class LinkFetchBench {
    public static void main(String[] a) throws Exception {
        byte[] body = new byte[1 << 20];
        body[0] = (byte) 0x89; body[1] = 'P'; body[2] = 'N'; body[3] = 'G';
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/a.png", ex -> { ex.getResponseHeaders().set("Content-Type", "image/png"); ex.sendResponseHeaders(200, body.length); ex.getResponseBody().write(body); ex.close(); });
        server.start();
        int port = server.getAddress().getPort();
        OkHttpClient plain = new OkHttpClient();
        SafeLinkFetcher safe = new SafeLinkFetcher(plain, LinkFetchRules.defaults().withTestOnlyAllowed(
                h -> List.of(InetAddress.getLoopbackAddress()), Set.of(InetAddress.getLoopbackAddress())));
        URI uri = URI.create("http://img.test:" + port + "/a.png");
        String plainUrl = "http://127.0.0.1:" + port + "/a.png";
        List<Double> pa = new ArrayList<>(), sa = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long t0 = System.nanoTime();
            try (Response r = plain.newCall(new Request.Builder().url(plainUrl).build()).execute()) { r.body().bytes(); }
            long t1 = System.nanoTime();
            safe.fetch(uri, 2 << 20);
            long t2 = System.nanoTime();
            if (i >= 100) { pa.add((t1 - t0) / 1e6); sa.add((t2 - t1) / 1e6); }
        }
        Collections.sort(pa); Collections.sort(sa);
        System.out.printf("plain OkHttp: median %.3f ms, safe fetcher: median %.3f ms, ratio %.2f (n=300, 1 MiB, loopback)%n",
                pa.get(150), sa.get(150), sa.get(150) / pa.get(150));
        server.stop(0);
        System.exit(0);
    }
}
