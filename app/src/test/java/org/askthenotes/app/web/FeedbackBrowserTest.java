package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.feedback.Rating;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Rating an answer in real headless Chromium lands in the real store; "Show prompt" shows the token counts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackBrowserTest {

    Path dir;
    TestServer server;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        HeadlessChrome.requirePresent();
        server = new TestServer(TestNotes.bundled(), dir.resolve("index"), Map.of());
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
        wait.until(d -> !turn.findElements(By.cssSelector(".feedback")).isEmpty());
        return turn;
    }

    @Test
    void aDownVoteWithACommentAndTheRightSectionIsStored() throws Exception {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        askAndWait("What are foundation models?");
        WebElement turn = askAndWait("How does top-p sampling work?");
        String shownAnswer = turn.findElement(By.cssSelector(".answer")).getText();

        turn.findElement(By.cssSelector(".thumb-down")).click();
        turn.findElement(By.cssSelector(".feedback-comment")).sendKeys("Quoted the wrong paragraph");
        Select section = new Select(turn.findElement(By.cssSelector(".feedback-section")));
        assertTrue(section.getOptions().size() > 2, "the retrieved sections are offered");
        section.selectByIndex(2);
        String chosen = section.getFirstSelectedOption().getText();
        turn.findElement(By.cssSelector(".feedback-send")).click();
        wait.until(d -> turn.findElement(By.cssSelector(".feedback-status")).getText().contains("saved"));
        assertFalse(turn.findElement(By.cssSelector(".thumb-up")).isEnabled(), "one rating per answer");

        List<Rating> ratings = server.service().feedback().all().stream()
                .filter(r -> r.question().equals("How does top-p sampling work?")).toList();
        assertEquals(1, ratings.size(), "the test methods share the store, this question is only rated here");
        Rating rating = ratings.get(0);
        assertEquals(Rating.Thumbs.DOWN, rating.thumbs());
        assertEquals("Quoted the wrong paragraph", rating.comment());
        assertEquals(chosen, rating.rightSection().notePath() + " › "
                + String.join(" › ", rating.rightSection().headingPath()));
        assertEquals(1, rating.history().size(), "the earlier turn is kept with the rating");
        assertEquals("What are foundation models?", rating.history().get(0).question());
        assertEquals("hybrid", rating.mode());
        assertEquals("extractive", rating.answerer());
        assertFalse(rating.citations().isEmpty());
        String firstWord = shownAnswer.strip().split("\\s+")[0];
        assertTrue(rating.answer().startsWith(firstWord), "the answer as shown: " + shownAnswer + " / " + rating.answer());
    }

    @Test
    void showPromptListsTheTokensOfEachPartAndSource() {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        WebElement turn = askAndWait("What does temperature do?");
        driver.findElement(By.id("show-prompt")).click();
        WebElement table = turn.findElement(By.cssSelector(".tokens-table"));
        assertTrue(table.isDisplayed());
        String text = table.getText();
        for (String part : List.of("Instructions", "Context", "Input data", "Output indicator", "Total (as sent)")) {
            assertTrue(text.contains(part), part + " missing from " + text);
        }
        assertTrue(text.contains("/ 254)"), "each source against the embedder's limit: " + text);
        assertTrue(turn.findElement(By.cssSelector(".tokens-note")).getText().contains("no LLM"));
    }

    @Test
    void theRatingsDialogShowsWhatTheStoreHolds() throws Exception {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        WebElement turn = askAndWait("What is retrieval-augmented generation?");
        turn.findElement(By.cssSelector(".thumb-up")).click();
        turn.findElement(By.cssSelector(".feedback-send")).click();
        wait.until(d -> turn.findElement(By.cssSelector(".feedback-status")).getText().contains("saved"));
        List<Rating> stored = server.service().feedback().all();
        long down = stored.stream().filter(r -> r.thumbs() == Rating.Thumbs.DOWN).count();

        driver.findElement(By.id("show-ratings")).click();
        WebElement dialog = wait.until(d -> d.findElement(By.id("ratings-dialog")));
        wait.until(d -> dialog.isDisplayed() && !dialog.findElements(By.cssSelector(".ratings-total")).isEmpty());
        assertTrue(dialog.findElement(By.cssSelector(".ratings-total")).getText().startsWith(
                "Ratings: " + stored.size() + " (" + (stored.size() - down) + " up, " + down + " down;"),
                dialog.getText());
        String notes = dialog.findElements(By.cssSelector(".ratings-table")).get(0).getText();
        assertTrue(notes.contains(stored.get(stored.size() - 1).citations().get(0).notePath()), notes);
        screenshot("ratings.png");
        dialog.findElement(By.cssSelector("button")).click();
        wait.until(d -> !dialog.isDisplayed());
    }

    @Test
    void aScreenshotOfTheRatingFormForAPersonToLookAt() throws IOException {
        driver.get(server.baseUrl() + "/");
        wait.until(d -> !d.findElement(By.id("stats")).getText().isBlank());
        WebElement turn = askAndWait("What is prompt injection?");
        turn.findElement(By.cssSelector(".thumb-up")).click();
        assertTrue(turn.findElement(By.cssSelector(".feedback-comment")).isDisplayed());
        driver.findElement(By.id("show-prompt")).click();
        screenshot("feedback.png");
        driver.findElement(By.id("show-prompt")).click();
    }

    private void screenshot(String name) throws IOException {
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target/screenshots"));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
