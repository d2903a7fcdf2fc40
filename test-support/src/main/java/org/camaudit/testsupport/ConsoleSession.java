package org.camaudit.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A web console sign-in for page tests: the session cookie and the CSRF token of a page's forms. */
public final class ConsoleSession {

    public static final String COOKIE = "camaudit-session";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String cookie;

    private ConsoleSession(String cookie) {
        this.cookie = cookie;
    }

    /** Signs in on the form at {@code /ui/login} as {@code account} whose password is its name. */
    public static ConsoleSession signIn(String account) {
        return signIn(account, account);
    }

    public static ConsoleSession signIn(String account, String password) {
        String cookie = given().redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParam("username", account)
                .formParam("password", password)
                .when().post("/ui/login")
                .then()
                .statusCode(302)
                .extract().cookie(COOKIE);
        assertThat(cookie).as("session cookie of " + account).isNotBlank();
        return new ConsoleSession(cookie);
    }

    /** A request carrying the session, not following redirects. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookie(COOKIE, cookie);
    }

    /** A form post carrying the session. */
    public RequestSpecification form() {
        return request().contentType(ContentType.URLENC);
    }

    /** The page's HTML. */
    public String page(String path) {
        return request().when().get(path).then().statusCode(200).extract().asString();
    }

    /** The CSRF token of the first form on the page at {@code path}. */
    public String csrf(String path) {
        return csrfOf(page(path));
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }
}
