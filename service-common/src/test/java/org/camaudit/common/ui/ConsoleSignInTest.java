package org.camaudit.common.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConsoleSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    static String signIn(String user, String password) {
        String cookie = given().redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParam("username", user)
                .formParam("password", password)
                .when().post("/ui/login")
                .then()
                .statusCode(Status.FOUND.getStatusCode())
                .extract().cookie("camaudit-session");
        assertThat(cookie).as("session cookie").isNotBlank();
        return cookie;
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF field").isTrue();
        return m.group(1);
    }

    @Test
    void shouldRedirectTheRootToTheConsole() {
        given().redirects().follow(false)
                .when().get("/")
                .then()
                .statusCode(Status.SEE_OTHER.getStatusCode())
                .header("Location", endsWith("/ui/"));
    }

    @Test
    void shouldSendAPersonWithoutSessionToTheSignInPage() {
        given().redirects().follow(false)
                .when().get("/ui/probe")
                .then()
                .statusCode(Status.FOUND.getStatusCode())
                .header("Location", endsWith("/ui/login"));
    }

    @Test
    void shouldServeTheSignInPageWithAStrictContentSecurityPolicy() {
        given()
                .when().get("/ui/login")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<label for=\"username\">"))
                .body(containsString("action=\"/ui/login\""));
    }

    @Test
    void shouldSignInWithAnAccountAndShowItsName() {
        String session = signIn("viewer", "viewer");
        given().cookie("camaudit-session", session)
                .when().get("/ui/probe")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body(containsString("Probe for viewer"))
                .body(containsString("Sign out"));
    }

    @Test
    void shouldSignInWithABcryptAccount() {
        signIn("hashed", "s3cret");
    }

    @Test
    void shouldSendAWrongPasswordBackToTheSignInPageWithAMessage() {
        String location = given().redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParam("username", "viewer")
                .formParam("password", "wrong")
                .when().post("/ui/login")
                .then()
                .statusCode(Status.SEE_OTHER.getStatusCode())
                .extract().header("Location");
        assertThat(location).endsWith("/ui/login?error=1");
        given()
                .when().get("/ui/login?error=1")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body(containsString("role=\"alert\""));
    }

    @Test
    void shouldThrottleGuessingOnTheFormLikeOnHttpBasic() {
        for (int i = 0; i < 6; i++) {
            given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.77")
                    .contentType(ContentType.URLENC)
                    .formParam("username", "guessed").formParam("password", "wrong-" + i)
                    .when().post("/ui/login")
                    .then().statusCode(Status.SEE_OTHER.getStatusCode());
        }
        given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.77")
                .contentType(ContentType.URLENC)
                .formParam("username", "guessed").formParam("password", "right")
                .when().post("/ui/login")
                .then()
                .statusCode(Status.SEE_OTHER.getStatusCode())
                .header("Location", endsWith("/ui/login?error=1"))
                .header("Set-Cookie", nullValue());
        given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.78")
                .contentType(ContentType.URLENC)
                .formParam("username", "guessed").formParam("password", "right")
                .when().post("/ui/login")
                .then()
                .statusCode(Status.FOUND.getStatusCode())
                .cookie("camaudit-session");
    }

    @Test
    void shouldRefuseASignInPostedFromAnotherSite() {
        given().redirects().follow(false)
                .header("Origin", "https://attacker.example")
                .contentType(ContentType.URLENC)
                .formParam("username", "viewer").formParam("password", "viewer")
                .when().post("/ui/login")
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode())
                .header("Set-Cookie", nullValue());
    }

    @Test
    void shouldAcceptASignInPostedFromItsOwnPage() {
        given().redirects().follow(false)
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .contentType(ContentType.URLENC)
                .formParam("username", "viewer").formParam("password", "viewer")
                .when().post("/ui/login")
                .then()
                .statusCode(Status.FOUND.getStatusCode())
                .cookie("camaudit-session");
    }

    @Test
    void shouldNotLetTheSessionCookieOpenTheApi() {
        String session = signIn("viewer", "viewer");
        given().cookie("camaudit-session", session)
                .when().get("/api/v1/probe")
                .then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("viewer", "viewer")
                .when().get("/api/v1/probe")
                .then()
                .statusCode(Status.OK.getStatusCode());
    }

    @Test
    void shouldRefuseATamperedSessionCookie() {
        String session = signIn("viewer", "viewer");
        String tampered = session.substring(0, session.length() - 4) + (session.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().redirects().follow(false).cookie("camaudit-session", tampered)
                .when().get("/ui/probe")
                .then()
                .statusCode(Status.FOUND.getStatusCode())
                .header("Location", endsWith("/ui/login"));
    }

    @Test
    void shouldAcceptAFormWithItsCsrfToken() {
        String session = signIn("viewer", "viewer");
        String page = given().cookie("camaudit-session", session).when().get("/ui/probe").then().extract().asString();
        given().cookie("camaudit-session", session)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrfOf(page))
                .formParam("note", "hello")
                .when().post("/ui/probe")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body(containsString("saved hello"));
    }

    @Test
    void shouldRefuseAFormWithoutOrWithAnotherUsersCsrfToken() {
        String session = signIn("viewer", "viewer");
        given().cookie("camaudit-session", session)
                .contentType(ContentType.URLENC)
                .formParam("note", "forged")
                .when().post("/ui/probe")
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode())
                .body(not(containsString("saved")));
        String adminSession = signIn("admin", "admin");
        String adminPage = given().cookie("camaudit-session", adminSession).when().get("/ui/probe").then().extract().asString();
        given().cookie("camaudit-session", session)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrfOf(adminPage))
                .formParam("note", "forged")
                .when().post("/ui/probe")
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode());
    }

    @Test
    void shouldSignOutByClearingTheCookie() {
        String session = signIn("viewer", "viewer");
        String page = given().cookie("camaudit-session", session).when().get("/ui/probe").then().extract().asString();
        String cleared = given().redirects().follow(false).cookie("camaudit-session", session)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrfOf(page))
                .when().post("/ui/logout")
                .then()
                .statusCode(Status.SEE_OTHER.getStatusCode())
                .header("Location", endsWith("/ui/login"))
                .extract().detailedCookie("camaudit-session").getValue();
        assertThat(cleared).isEmpty();
    }
}
