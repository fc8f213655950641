package io.evalify.api.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The dashboard's two filters, in their place among the API's: the session is resolved before the API key check
 * (which lets a session open a job's event stream), and the page guard runs after the body size limit.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    FilterRegistrationBean<SessionFilter> dashboardSessionFilter(DashboardSessions sessions) {
        var registration = new FilterRegistrationBean<>(new SessionFilter(sessions));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DashboardGuardFilter> dashboardGuardFilter() {
        var registration = new FilterRegistrationBean<>(new DashboardGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns(DashboardPaths.ROOT, DashboardPaths.ROOT + "/*");
        return registration;
    }
}
