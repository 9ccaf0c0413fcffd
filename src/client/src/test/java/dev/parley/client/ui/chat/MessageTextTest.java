package dev.parley.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ui.chat.MessageText.Link;
import dev.parley.client.ui.chat.MessageText.Part;
import dev.parley.client.ui.chat.MessageText.Plain;
import dev.parley.client.ui.chat.MessageText.Warning;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTextTest {

    private static Link onlyLink(String message) {
        List<Link> links = MessageText.of(message).links();
        assertThat(links).as("links in %s", message).hasSize(1);
        return links.get(0);
    }

    @Test
    void linkIsSplitFromTheTextAroundIt() {
        List<Part> parts = MessageText.of("see https://example.com/path now").parts();

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).isEqualTo(new Plain("see "));
        assertThat(parts.get(1).text()).isEqualTo("https://example.com/path");
        assertThat(parts.get(2)).isEqualTo(new Plain(" now"));
    }

    @Test
    void textWithoutLinksIsOnePlainPart() {
        assertThat(MessageText.of("Lunch at noon? The usual place.").parts())
                .containsExactly(new Plain("Lunch at noon? The usual place."));
        assertThat(MessageText.of("").parts()).isEmpty();
    }

    @Test
    void plainAsciiLinkShowsItsHostInItsOwnText() {
        Link link = onlyLink("https://Example.com/Path?q=1#top");

        assertThat(link.address()).isEqualTo(URI.create("https://example.com/Path?q=1#top"));
        assertThat(link.host()).isEqualTo("example.com");
        assertThat(link.warnings()).isEmpty();
        assertThat(link.textShowsHost()).isTrue();
        assertThat(link.showHost()).isFalse();
    }

    @Test
    void bareWwwHostOpensOverHttps() {
        Link link = onlyLink("try www.example.com/menu today");

        assertThat(link.text()).isEqualTo("www.example.com/menu");
        assertThat(link.address()).isEqualTo(URI.create("https://www.example.com/menu"));
        assertThat(link.showHost()).isFalse();
    }

    @Test
    void cyrillicLookAlikeHostShowsPunycodeAndWarns() {
        Link link = onlyLink("Your account: https://\u0430pple.com/verify");

        assertThat(link.text()).isEqualTo("https://\u0430pple.com/verify");
        assertThat(link.host()).isEqualTo("xn--pple-43d.com");
        assertThat(link.address()).isEqualTo(URI.create("https://xn--pple-43d.com/verify"));
        assertThat(link.warnings()).containsExactly(Warning.LOOK_ALIKE_HOST);
        assertThat(link.textShowsHost()).isFalse();
        assertThat(link.showHost()).isTrue();
    }

    @Test
    void hostAlreadyInPunycodeWarnsToo() {
        Link link = onlyLink("https://xn--pple-43d.com");

        assertThat(link.warnings()).containsExactly(Warning.LOOK_ALIKE_HOST);
        assertThat(link.textShowsHost()).isTrue();
        assertThat(link.showHost()).isTrue();
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource(delimiter = '|', value = {
        "https://münchen.de/         | xn--mnchen-3ya.de",
        "https://例え.jp             | xn--r8jz45g.jp",
        "https://ｅxample.com        | example.com",
        "https://pay\u200Bpal.com    | paypal.com",
        "https://example\u3002com    | example.com"
    })
    void anyNonAsciiHostIsShownInAsciiAndWarns(String written, String host) {
        Link link = onlyLink(written);

        assertThat(link.host()).isEqualTo(host);
        assertThat(link.address().getHost()).isEqualTo(host);
        assertThat(link.warnings()).containsExactly(Warning.LOOK_ALIKE_HOST);
        assertThat(link.showHost()).isTrue();
    }

    @Test
    void userinfoDoesNotHideRealHost() {
        Link link = onlyLink("Log in at https://paypal.com@evil.example/login quickly");

        assertThat(link.text()).isEqualTo("https://paypal.com@evil.example/login");
        assertThat(link.host()).isEqualTo("evil.example");
        assertThat(link.address()).as("user-info is dropped").isEqualTo(URI.create("https://evil.example/login"));
        assertThat(link.warnings()).containsExactly(Warning.USER_INFO);
        assertThat(link.showHost()).isTrue();
    }

    @Test
    void userinfoBeforeALookAlikeHostGivesBothWarnings() {
        Link link = onlyLink("https://user:secret@\u0430pple.com:8443/");

        assertThat(link.address()).isEqualTo(URI.create("https://xn--pple-43d.com:8443/"));
        assertThat(link.warnings()).containsExactly(Warning.LOOK_ALIKE_HOST, Warning.USER_INFO);
    }

    @Test
    void backslashEndsTheHostAsInBrowsers() {
        Link link = onlyLink("https://evil.example\\@paypal.com/");

        assertThat(link.host()).isEqualTo("evil.example");
        assertThat(link.address()).isEqualTo(URI.create("https://evil.example/@paypal.com/"));
    }

    @Test
    void aBackslashCannotTurnTheShownHostIntoUserInfo() {
        Link link = onlyLink("https://paypal.com\\@evil.example/login");

        assertThat(link.host()).isEqualTo("paypal.com");
        assertThat(link.address().getHost()).as("opens the host it shows").isEqualTo("paypal.com");
        assertThat(link.address().getRawUserInfo()).isNull();
    }

    @ParameterizedTest(name = "{0} links {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "Go to https://example.com.                                  | https://example.com",
        "https://example.com/a, then lunch                           | https://example.com/a",
        "Is it https://example.com/faq?                              | https://example.com/faq",
        "Wow https://example.com/?q=1!                               | https://example.com/?q=1",
        "https://example.com/path: the docs                          | https://example.com/path",
        "https://example.com/a; https://example.com/b                | https://example.com/a",
        "(see https://example.com/x)                                 | https://example.com/x",
        "https://en.wikipedia.org/wiki/Java_(programming_language)   | https://en.wikipedia.org/wiki/Java_(programming_language)",
        "(https://en.wikipedia.org/wiki/Mercury_(planet)).           | https://en.wikipedia.org/wiki/Mercury_(planet)",
        "[https://example.com/list]                                  | https://example.com/list",
        "^\"https://example.com/quoted\"^                            | https://example.com/quoted",
        "'https://example.com/it's'                                  | https://example.com/it's",
        "“https://example.com/curly”                                 | https://example.com/curly",
        "<https://example.com/angle>                                 | https://example.com/angle",
        "https://example.com/…                                       | https://example.com/",
        "www.example.com.                                            | www.example.com"
    })
    void trailingPunctuationIsNotPartOfLink(String message, String link) {
        assertThat(MessageText.of(message).links()).first().extracting(Link::text).isEqualTo(link);
    }

    @Test
    void trailingPeriodIsNotPartOfLink() {
        List<Part> parts = MessageText.of("It is at https://example.com/map.").parts();

        assertThat(parts).extracting(Part::text).containsExactly("It is at ", "https://example.com/map", ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.com/file",
        "mailto:alice@example.com",
        "data:text/html,<b>hi</b>",
        "https://",
        "https://.",
        "https://exa_mple.com",
        "https://a..b/",
        "https://example.com:99999/",
        "https://example.com:80a/",
        "https://[not-an-ip]/",
        "https://pay\u202Epal.com",
        "xhttps://example.com",
        "write to bob@www.example.com",
        "www.example",
        "see www. later"
    })
    void anythingButAValidWebAddressStaysPlainText(String message) {
        assertThat(MessageText.of(message).parts()).containsExactly(new Plain(message));
    }

    @Test
    void invalidAddressDoesNotHideTheLinkAfterIt() {
        List<Part> parts = MessageText.of("https://exa_mple.com or www.example.org").parts();

        assertThat(parts).extracting(Part::text).containsExactly("https://exa_mple.com or ", "www.example.org");
        assertThat(parts.get(1)).isInstanceOf(Link.class);
    }

    @Test
    void severalLinksAndLinesKeepEveryCharacter() {
        String message = "one https://a.example/x\ntwo www.b.example, three (http://c.example:8080/)\tend";
        MessageText text = MessageText.of(message);

        assertThat(text.links()).extracting(Link::address).containsExactly(URI.create("https://a.example/x"),
                URI.create("https://www.b.example"), URI.create("http://c.example:8080/"));
        assertThat(text.parts().stream().map(Part::text).collect(Collectors.joining())).isEqualTo(message);
    }

    @Test
    void uppercaseSchemeAndPortKeepTheHostVisible() {
        Link link = onlyLink("HTTP://Example.COM:8080/A");

        assertThat(link.address()).isEqualTo(URI.create("http://example.com:8080/A"));
        assertThat(link.textShowsHost()).isTrue();
    }

    @Test
    void nonAsciiPathIsPercentEncodedWithoutAWarning() {
        Link link = onlyLink("https://de.wikipedia.org/wiki/Straße?q=naïve#Geschichte");

        assertThat(link.address().toString())
                .isEqualTo("https://de.wikipedia.org/wiki/Stra%C3%9Fe?q=na%C3%AFve#Geschichte");
        assertThat(link.warnings()).isEmpty();
    }

    @Test
    void existingEscapesAreKeptAndStrayCharactersEncoded() {
        Link link = onlyLink("https://example.com/a%20b/100%/x|y?list[]=1#a#b");

        assertThat(link.address().toString())
                .isEqualTo("https://example.com/a%20b/100%25/x%7Cy?list%5B%5D=1#a%23b");
    }

    @Test
    void ipv6HostIsKeptAsWritten() {
        Link link = onlyLink("http://[::1]:8080/health");

        assertThat(link.host()).isEqualTo("[::1]");
        assertThat(link.address()).isEqualTo(URI.create("http://[::1]:8080/health"));
        assertThat(link.warnings()).isEmpty();
    }
}
