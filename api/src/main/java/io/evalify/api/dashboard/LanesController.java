package io.evalify.api.dashboard;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The lanes and workers page. */
@Controller
class LanesController {

    private final LaneOverview overview;

    LanesController(LaneOverview overview) {
        this.overview = overview;
    }

    @GetMapping(DashboardPaths.LANES)
    String lanes(Model model) {
        var view = overview.read();
        model.addAttribute("view", view);
        model.addAttribute("workers", view.workers().stream().map(WorkerRow::of).toList());
        model.addAttribute("noWorkers", view.workers().isEmpty() ? List.of(1) : List.of());
        return "dashboard/lanes";
    }
}
