package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.askthenotes.generation.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a learner used to chat apps expects of the page (issue 13), in real headless Chromium against the real
 * server: the conversation survives a reload, Stop cancels the answer on the server (an LLM answerer streaming
 * slowly from a loopback stand-in that speaks OpenAI's wire format), Copy, errors, keyboard, dark mode, a phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPageFeaturesBrowserTest {
    /** The slow model's reply: long enough that Stop lands mid-answer. */
    private static final String LONG_REPLY = "Foundation models are large models trained on broad data [1]. "
            .repeat(40);
    /** A question with this word makes the stand-in model fail as OpenAI does, with a 500. */
    private static final String FAIL_WORD = "zebrafailure";

    Path dir;
    FakeOpenAiServer llm;
    TestServer server;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        HeadlessChrome.requirePresent();
        llm = new FakeOpenAiServer(request -> FakeOpenAiServer.message(request, "user").contains(FAIL_WORD)
                ? FakeOpenAiServer.FAIL : LONG_REPLY, Duration.ofMillis(150));
        server = new TestServer(TestNotes.copyTo(dir.resolve("notes")), dir.resolve("index"),
                Map.of("ATN_LLM_BASE_URL", llm.baseUrl(), "ATN_LLM_MODEL", "test-model"));
        driver = HeadlessChrome.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    /** Each test starts from an empty browser store, light colours and a desktop window. */
    @BeforeEach
    void freshPage() {
        driver.get(server.baseUrl() + "/");
        driver.executeScript("localStorage.clear()");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#answerer option")).size() > 0);
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
    void theConversationSurvivesAReloadAndConversationsCanBeSwitchedAndDeleted() {
        String answer = askAndWait("What are foundation models?").findElement(By.cssSelector(".answer")).getText();
        askAndWait("and what about their lifecycle?");

        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector(".turn")).size() == 2);
        WebElement first = driver.findElements(By.cssSelector(".turn")).get(0);
        assertEquals(answer, first.findElement(By.cssSelector(".answer")).getText());
        assertFalse(first.findElements(By.cssSelector(".answer .chip")).isEmpty(), "citations survive the reload");
        assertTrue(first.findElement(By.cssSelector(".meta")).getText().contains("grounded"));
        assertEquals(List.of("What are foundation models?"), chatTitles());

        driver.findElement(By.id("new-chat")).click();
        assertTrue(driver.findElements(By.cssSelector(".turn")).isEmpty());
        assertTrue(driver.findElement(By.id("welcome")).isDisplayed());
        askAndWait("What does temperature do?");
        assertEquals(List.of("What does temperature do?", "What are foundation models?"), chatTitles());

        driver.findElements(By.cssSelector(".chat-open")).get(1).click();
        assertEquals(2, driver.findElements(By.cssSelector(".turn")).size());
        assertEquals(answer, driver.findElement(By.cssSelector(".turn .answer")).getText());

        driver.findElements(By.cssSelector(".chat-delete")).get(0).click();
        assertEquals(List.of("What are foundation models?"), chatTitles());
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector(".turn")).size() == 2);
        assertEquals(List.of("What are foundation models?"), chatTitles());
    }

    private List<String> chatTitles() {
        return driver.findElements(By.cssSelector(".chat-open")).stream().map(WebElement::getText).toList();
    }

    @Test
    void stopCancelsTheAnswerOnTheServerAndTheLlmCall() throws InterruptedException, IOException {
        new Select(driver.findElement(By.id("answerer"))).selectByValue("openai");
        driver.findElement(By.id("question")).sendKeys("What are foundation models?");
        driver.findElement(By.id("ask")).click();
        WebElement answer = wait.until(d -> d.findElement(By.cssSelector(".turn .answer")));
        wait.until(d -> answer.getText().length() > 120);
        int before = llm.piecesSent();
        driver.findElement(By.id("stop")).click();
        wait.until(d -> d.findElement(By.id("ask")).isDisplayed());
        String stopped = answer.getText();

        Thread.sleep(1000);  // the pieces already on their way when Stop was clicked
        int settled = llm.piecesSent();
        Thread.sleep(2000);  // a model still streaming would send 13 more pieces by now
        int total = LONG_REPLY.split("(?<= )").length;
        assertEquals(settled, llm.piecesSent(), "the model kept streaming after Stop");
        assertTrue(settled - before <= 10, "the model's stream ended soon after Stop: " + before + " -> " + settled);
        assertTrue(settled < total / 2, "the model's stream was cut short: " + settled + " of " + total);
        assertEquals(stopped, answer.getText(), "the answer stopped growing");
        assertTrue(stopped.contains("Stopped."), stopped);
        assertFalse(answer.getAttribute("class").contains("streaming"));
        screenshot("chat-stopped.png");
    }

    @Test
    void copyPutsTheAnswerAndItsSourcesOnTheClipboardAsMarkdown() {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.baseUrl(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement turn = askAndWait("What are foundation models?");
        turn.findElement(By.cssSelector(".actions .copy")).click();
        wait.until(d -> turn.findElement(By.cssSelector(".action-status")).getText().equals("Copied"));
        String clipboard = (String) driver.executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        String[] parts = clipboard.split("\n\n");
        assertTrue(parts[0].contains("[1]"), clipboard);
        String sources = parts[parts.length - 1];
        assertTrue(sources.startsWith("[1] "), clipboard);
        assertTrue(sources.lines().allMatch(l -> l.matches("\\[\\d+] [\\w./-]+\\.md( › .+)+")), clipboard);
    }

    @Test
    void aRefusedRequestShowsTheServersMessageAndKeepsTheQuestionForRetry() {
        // A mode the server does not know: a 400 with {"error": ...} before the stream opens.
        driver.executeScript("const m = document.getElementById('mode'); m.add(new Option('fuzzy', 'fuzzy'));"
                + " m.value = 'fuzzy';");
        driver.findElement(By.id("question")).sendKeys("What are foundation models?");
        driver.findElement(By.id("ask")).click();
        WebElement error = wait.until(d -> d.findElement(By.cssSelector(".turn .answer .error")));
        String shown = error.getText();
        String expected = serverError("/api/ask/stream?question=x&mode=fuzzy");
        assertEquals(expected, shown);
        assertFalse(shown.contains("could not be fetched"), shown);
        assertEquals("What are foundation models?", driver.findElement(By.id("question")).getAttribute("value"));
        assertTrue(driver.findElements(By.cssSelector(".chat-open")).isEmpty(), "a failed turn is not stored");

        new Select(driver.findElement(By.id("mode"))).selectByValue("hybrid");
        driver.findElement(By.cssSelector(".turn .retry")).click();
        wait.until(d -> d.findElement(By.cssSelector(".turn .meta")).getText().contains("grounded"));
        assertEquals(1, driver.findElements(By.cssSelector(".turn")).size(), "the retry replaced the failed turn");
        assertEquals("", driver.findElement(By.id("question")).getAttribute("value"));
    }

    @Test
    void anLlmThatFailsMidStreamShowsTheServersMessageAndKeepsTheQuestion() throws IOException {
        new Select(driver.findElement(By.id("answerer"))).selectByValue("openai");
        driver.findElement(By.id("question")).sendKeys("What are foundation models? " + FAIL_WORD);
        driver.findElement(By.id("ask")).click();
        String shown = wait.until(d -> d.findElement(By.cssSelector(".turn .answer .error"))).getText();
        assertTrue(shown.startsWith("openai answerer: the LLM server at " + llm.baseUrl() + " answered HTTP 500"),
                shown);
        assertTrue(shown.contains("The server had an error"), "the LLM's own words: " + shown);
        assertEquals("What are foundation models? " + FAIL_WORD,
                driver.findElement(By.id("question")).getAttribute("value"));
        assertTrue(driver.findElement(By.cssSelector(".turn .retry")).isDisplayed());
        screenshot("chat-error.png");
    }

    @Test
    void anUnreachableServerIsSaidSoAndTheQuestionIsKept() throws IOException {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            driver.findElement(By.id("question")).sendKeys("What are foundation models?");
            driver.findElement(By.id("ask")).click();
            String shown = wait.until(d -> d.findElement(By.cssSelector(".turn .answer .error"))).getText();
            assertTrue(shown.startsWith("The server at 127.0.0.1:" + server.port() + " could not be reached"), shown);
            assertEquals("What are foundation models?", driver.findElement(By.id("question")).getAttribute("value"));
            screenshot("chat-offline.png");
        } finally {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        driver.findElement(By.cssSelector(".turn .retry")).click();
        wait.until(d -> d.findElement(By.cssSelector(".turn .meta")).getText().contains("grounded"));
        assertEquals(1, driver.findElements(By.cssSelector(".turn")).size());
    }

    private List<String> readNotes() throws IOException {
        try (var files = Files.list(dir.resolve("notes"))) {
            List<String> texts = new java.util.ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }

    private String serverError(String path) {
        try {
            return server.json(server.get(path)).get("error").asText();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void keyboardAndTheSourcePanelFollowTheNewestAnswer() {
        driver.findElement(By.tagName("body")).sendKeys("/");
        assertEquals("question", driver.switchTo().activeElement().getAttribute("id"));
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys("What are", Keys.chord(Keys.SHIFT, Keys.ENTER), "foundation models?");
        assertEquals("What are\nfoundation models?", box.getAttribute("value"));
        box.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".turn .meta .badge")).size() > 0);
        driver.findElement(By.cssSelector(".turn .answer .chip")).click();
        assertTrue(driver.findElement(By.id("side-panel")).isDisplayed());
        assertTrue(driver.findElement(By.id("side-where")).getText().matches(".+\\.md, lines? \\d+(–\\d+)?"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        assertFalse(driver.findElement(By.id("side-panel")).isDisplayed(), "Escape closes the source panel");

        driver.findElement(By.cssSelector(".turn .answer .chip")).click();
        askAndWait("What does temperature do?");
        assertFalse(driver.findElement(By.id("side-panel")).isDisplayed(), "no older turn's source beside a new answer");
        Object oneLine = driver.executeAsyncScript("const done = arguments[0];"
                + " import('/panel.js').then(m => done(m.lineRange(30, 30) + '|' + m.lineRange(30, 34)));");
        assertEquals("line 30|lines 30–34", oneLine);
    }

    @Test
    void theWelcomeScreenSaysWhatTheNotesCoverWithExamplesFromTheirHeadings() throws Exception {
        var examples = server.json(server.get("/api/examples"));
        assertEquals(server.service().stats().notes(), examples.get("topics").size(), examples.toString());
        String allNotes = String.join("\n", readNotes());
        for (var example : examples.get("examples")) {
            String heading = example.asText().replaceFirst("^Tell me about ", "").replaceFirst("[.?]$", "");
            assertTrue(allNotes.contains("\n## " + heading), "made from a heading of the notes: " + example);
            assertFalse(example.asText().matches(".*\\p{IsHan}.*"), "English part only: " + example);
        }
        List<WebElement> buttons = wait.until(d -> {
            List<WebElement> b = d.findElements(By.cssSelector("#examples .example"));
            return b.size() >= 3 ? b : null;
        });
        assertEquals(examples.get("examples").size(), buttons.size());
        assertTrue(buttons.size() <= 4);
        assertEquals(examples.get("examples").get(0).asText(), buttons.get(0).getText());
        String topics = driver.findElement(By.id("welcome-topics")).getText();
        assertTrue(topics.startsWith("The notes cover "), topics);
        assertTrue(topics.contains(examples.get("topics").get(0).asText()), topics);
        assertEquals(List.of("extractive", "openai", "ollama"), driver.findElements(By.cssSelector("#answerer option"))
                .stream().map(o -> o.getAttribute("value")).toList(), "an LLM is configured for this server");
        screenshot("chat-welcome.png");
        buttons.get(0).click();
        wait.until(d -> d.findElements(By.cssSelector(".turn .meta .badge")).size() > 0);
        assertEquals(examples.get("examples").get(0).asText(), driver.findElement(By.cssSelector(".question")).getText());
    }

    @Test
    void darkModeFollowsTheSystemSetting() throws IOException {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        askAndWait("What are foundation models?");
        driver.findElement(By.cssSelector(".turn .answer .chip")).click();
        assertEquals("rgb(21, 24, 30)", driver.executeScript("return getComputedStyle(document.body).backgroundColor"));
        assertEquals("rgb(30, 35, 43)", driver.executeScript(
                "return getComputedStyle(document.querySelector('.answer')).backgroundColor"));
        screenshot("chat-dark.png");
    }

    @Test
    void onAPhoneTheAnswersGetMostOfTheHeight() throws IOException {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#answerer option")).size() > 0);
        askAndWait("What are foundation models?");
        double share = ((Number) driver.executeScript("return document.getElementById('conversation')"
                + ".getBoundingClientRect().height / window.innerHeight")).doubleValue();
        screenshot("chat-phone.png");
        assertTrue(share >= 0.7, "the answer area takes " + share + " of the height");
        assertFalse(driver.findElement(By.id("tag-filter")).isDisplayed(), "filters wait behind a button");
        driver.findElement(By.id("toggle-filters")).click();
        assertTrue(driver.findElement(By.id("tag-filter")).isDisplayed());
        screenshot("chat-phone-filters.png");
    }

    private void screenshot(String name) throws IOException {
        Path screenshots = Files.createDirectories(
                Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("target/screenshots"));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
