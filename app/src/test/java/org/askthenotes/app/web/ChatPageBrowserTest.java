package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat page in real headless Chromium against the real server: ask, stream, cite, highlight; no payload runs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPageBrowserTest {

    /** Shared by the class's tests, so the index is built once; JUnit injects it into the @BeforeAll method. */
    Path dir;
    TestServer server;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        HeadlessChrome.requirePresent();
        Path notes = TestNotes.copyTo(dir.resolve("notes"));
        Files.writeString(notes.resolve("xss-probe.md"), TestNotes.XSS_NOTE);
        server = new TestServer(notes, dir.resolve("index"), Map.of());
        driver = HeadlessChrome.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    /** The page keeps conversations in localStorage; each test starts from none, as a first visit would. */
    @BeforeEach
    void noStoredConversations() {
        driver.get(server.baseUrl() + "/");
        driver.executeScript("localStorage.clear()");
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebElement askAndWait(String question) {
        int before = driver.findElements(By.cssSelector(".turn")).size();
        driver.findElement(By.id("question")).sendKeys(question);
        driver.findElement(By.id("ask")).click();
        wait.until(d -> d.findElements(By.cssSelector(".turn")).size() == before + 1);
        WebElement turn = driver.findElements(By.cssSelector(".turn")).get(before);
        wait.until(d -> !turn.findElement(By.cssSelector(".answer")).getAttribute("class").contains("streaming"));
        return turn;
    }

    @Test
    void askSeeTheStreamedAnswerClickACitationSeeThePassage() throws IOException {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        assertEquals(List.of("extractive"), driver.findElements(By.cssSelector("#answerer option")).stream()
                .map(o -> o.getAttribute("value")).toList(), "no LLM is configured, so none is offered");
        WebElement turn = askAndWait("What are foundation models?");

        WebElement answer = turn.findElement(By.cssSelector(".answer"));
        assertFalse(answer.getText().isBlank());
        assertTrue(turn.findElement(By.cssSelector(".meta .answerer")).getText().contains("extractive"));
        List<WebElement> chips = answer.findElements(By.cssSelector(".chip"));
        assertFalse(chips.isEmpty(), "citation chips in: " + answer.getAttribute("innerHTML"));

        chips.get(0).click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("side-panel")));
        WebElement mark = panel.findElement(By.cssSelector("mark"));
        assertFalse(mark.getText().isBlank(), "the quoted passage is highlighted");
        String noteLink = panel.findElement(By.id("side-open")).getAttribute("href");
        assertTrue(noteLink.contains("/notes/"), noteLink);

        driver.findElement(By.id("show-debug")).click();
        assertTrue(turn.findElement(By.cssSelector(".debug-table")).isDisplayed());
        assertTrue(turn.findElements(By.cssSelector(".debug-table tr")).size() > 1);
        driver.findElement(By.id("show-prompt")).click();
        assertEquals(4, turn.findElements(By.cssSelector(".prompt-part")).size());
        driver.findElement(By.id("show-prompt")).click();

        Path screenshots = Files.createDirectories(moduleDir().resolve("target/screenshots"));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("chat.png"),
                StandardCopyOption.REPLACE_EXISTING);

        driver.get(noteLink);
        String fragment = URI.create(noteLink).getFragment();
        if (fragment != null) {
            assertNotNull(driver.findElement(By.id(fragment)), "the note page has the cited heading " + fragment);
        }
        assertFalse(driver.findElement(By.id("note")).getText().isBlank());
    }

    /** The debug panel says which English terms a Chinese question was searched with. */
    @Test
    void theDebugPanelShowsAChineseQuestionsEnglishQueryTerms() {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        WebElement turn = askAndWait("如何用自己管理的金鑰加密 S3 裡的訓練資料？");
        if (!turn.findElement(By.cssSelector(".debug-table")).isDisplayed()) {
            driver.findElement(By.id("show-debug")).click();
        }
        String searched = turn.findElement(By.cssSelector(".english-query")).getText();
        assertTrue(searched.startsWith("English query terms searched:") && searched.contains("encrypt")
                && searched.contains("S3"), searched);
    }

    @Test
    void aFollowUpIsReadInContextAndANewTopicInTheSameConversationAbstains() throws IOException {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        driver.findElement(By.id("show-debug")).click();

        WebElement first = askAndWait("What does temperature do?");
        WebElement followUp = askAndWait("and what about top-p?");
        WebElement offTopic = askAndWait("How do I bake sourdough bread?");

        assertTrue(first.findElements(By.cssSelector(".meta .abstained")).isEmpty(), first.getText());
        assertTrue(followUp.findElements(By.cssSelector(".meta .abstained")).isEmpty(), followUp.getText());
        assertEquals("follow-up", followUp.findElement(By.cssSelector(".meta .follow-up")).getText());
        assertTrue(followUp.findElement(By.cssSelector(".searched-query")).getText()
                .contains("What does temperature do? and what about top-p?"), followUp.getText());
        assertEquals("not in the notes", offTopic.findElement(By.cssSelector(".meta .abstained")).getText());
        assertTrue(offTopic.findElements(By.cssSelector(".meta .follow-up")).isEmpty(), offTopic.getText());
        assertTrue(offTopic.findElement(By.cssSelector(".searched-query")).getText()
                .contains("Searched on its own"), offTopic.getText());
        driver.executeScript("arguments[0].scrollIntoView()", followUp);
        Path screenshots = Files.createDirectories(moduleDir().resolve("target/screenshots"));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("follow-ups.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.findElement(By.id("show-debug")).click();
    }

    @Test
    void aQuestionWithMarkupIsShownAsText() {
        driver.get(server.baseUrl() + "/");
        String payload = "<img src=x onerror=\"document.body.dataset.pwned='question'\"> foundation models?";
        WebElement turn = askAndWait(payload);
        assertEquals(payload, turn.findElement(By.cssSelector(".question")).getText());
        assertTrue(driver.findElements(By.cssSelector(".conversation img")).isEmpty());
        assertNotPwned();
    }

    @Test
    void anAnswerQuotingTheHostileNoteRunsNothing() {
        driver.get(server.baseUrl() + "/");
        WebElement turn = askAndWait("What does the quokka-xss-marker paragraph in the cross-site scripting probe say?");
        assertTrue(turn.findElements(By.cssSelector(".answer script, .answer img, .answer iframe, .answer svg"))
                .isEmpty(), turn.getAttribute("innerHTML"));
        for (WebElement chip : turn.findElements(By.cssSelector(".answer .chip"))) {
            chip.click();
            assertNotPwned();
        }
        assertNotPwned();
    }

    @Test
    void aHostileNoteRunsNothingInTheNoteView() {
        driver.get(server.baseUrl() + "/notes/xss-probe.md");
        wait.until(d -> d.findElement(By.id("note")).getText().contains("quokka-xss-marker"));
        assertEquals("highlighted term", driver.findElement(By.cssSelector("#note span.label")).getText());
        assertTrue(driver.findElements(By.cssSelector("#note script, #note iframe, #note svg")).isEmpty());
        assertNotPwned();
    }

    static Stream<Arguments> markdown() {
        return Stream.of(
                Arguments.of("**bold** and *it* and `<b>code</b>`",
                        "<p><strong>bold</strong> and <em>it</em> and <code>&lt;b&gt;code&lt;/b&gt;</code></p>"),
                Arguments.of("<script>alert(1)</script> [1]", "<p>&lt;script&gt;alert(1)&lt;/script&gt; "
                        + "<button type=\"button\" class=\"chip\" data-n=\"1\" aria-label=\"Source 1\">1</button></p>"),
                Arguments.of("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
                Arguments.of("\"q\" & 'a'", "<p>&quot;q&quot; &amp; &#39;a&#39;</p>"),
                Arguments.of("- a\n- b **c**", "<ul><li>a</li><li>b <strong>c</strong></li></ul>"),
                Arguments.of("1. x\n2. y", "<ol><li>x</li><li>y</li></ol>"),
                Arguments.of("one\ntwo\n\nthree", "<p>one<br>two</p><p>three</p>"),
                Arguments.of("```\n<b>[1]</b>\n```", "<pre><code>&lt;b&gt;[1]&lt;/b&gt;</code></pre>"),
                Arguments.of("中文答案[2]。", "<p>中文答案<button type=\"button\" class=\"chip\" data-n=\"2\" "
                        + "aria-label=\"Source 2\">2</button>。</p>"));
    }

    /** The page's own Markdown renderer, run in the browser: it escapes before it adds any tag. */
    @ParameterizedTest
    @MethodSource("markdown")
    void theAnswerRendererEscapesBeforeItFormats(String markdown, String html) {
        driver.get(server.baseUrl() + "/");
        Object rendered = driver.executeAsyncScript(
                "const [text, done] = arguments; import('/markdown.js').then(m => done(m.renderMarkdown(text)));",
                markdown);
        assertEquals(html, rendered);
    }

    private void assertNotPwned() {
        Object pwned = driver.executeScript("return document.body.dataset.pwned || null;");
        assertEquals(null, pwned, "a payload ran");
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }
}
