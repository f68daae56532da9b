package vn.lgsp.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** lgsp-hub: the province's integration hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    public static void main(String[] args) {
        if (HubHelp.asked(args)) {
            HubHelp.print(System.out);
            return;
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
