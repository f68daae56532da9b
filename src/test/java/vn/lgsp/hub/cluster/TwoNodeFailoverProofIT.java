package vn.lgsp.hub.cluster;

import java.nio.file.Path;

/**
 * The two-node scenario ({@link TwoNodeScenario}) without Docker: PostgreSQL from embedded binaries, the Artemis
 * live and backup brokers as separate JVMs on 127.0.0.1 ({@link LocalInfrastructure}).
 */
class TwoNodeFailoverProofIT extends TwoNodeScenario {

    @Override
    Infrastructure infrastructure(Path dir) throws Exception {
        return LocalInfrastructure.start(dir);
    }
}
