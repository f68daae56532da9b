package vn.lgsp.hub.adapters;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads on which the registry lookup routes run their time-limited call (circuit breaker option
 * {@code timeoutExecutorService: "registryCallThreads"}). Without it Camel hands each call to
 * {@code CompletableFuture.supplyAsync}, whose common pool has one thread on a 2-core machine, so the JDK starts a
 * new thread for every call. This pool reuses idle threads and, like that default, never queues a call: each call
 * runs at once on a free or new thread; idle ones end after a minute.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryCallTimeouts {

    public static final String BEAN = "registryCallThreads";

    @Bean(name = BEAN, destroyMethod = "shutdown")
    ExecutorService registryCallThreads() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "registry-call-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
