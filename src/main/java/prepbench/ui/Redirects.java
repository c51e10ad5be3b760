package prepbench.ui;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** 303 See Other: after a POST, and for every "go there instead" of the scan flow. */
final class Redirects {

    private Redirects() {
    }

    static RedirectView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

}
