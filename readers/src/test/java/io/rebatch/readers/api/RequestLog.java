package io.rebatch.readers.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.Buffer;

/** An OkHttp interceptor that keeps every request's form parameters, to check windows and page sizes. */
public final class RequestLog implements Interceptor {
    private final List<Map<String, String>> requests = new ArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Buffer b = new Buffer();
        if (chain.request().body() != null) {
            chain.request().body().writeTo(b);
        }
        synchronized (requests) {
            requests.add(Forms.parse(b.readUtf8()));
        }
        return chain.proceed(chain.request());
    }

    public List<Map<String, String>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    public OkHttpClient client(HttpSettings settings) {
        return settings.newClient().newBuilder().addInterceptor(this).build();
    }
}
