package io.evalify.api.compat;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The old evaluator's (FastAPI's) documentation paths, pointed at springdoc's. */
@Controller
class DocsController {

    @GetMapping({"/docs", "/redoc"})
    String docs() {
        return "redirect:/swagger-ui.html";
    }

    @GetMapping("/openapi.json")
    String openApi() {
        return "forward:/v3/api-docs";
    }
}
