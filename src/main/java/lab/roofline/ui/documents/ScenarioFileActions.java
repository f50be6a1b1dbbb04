package lab.roofline.ui.documents;

import java.nio.file.Path;

/** What File ▸ New, Open, Open Recent, Save and Save As ask the app to do (it owns dialogs and I/O). */
public interface ScenarioFileActions {
    void newScenario();

    void open();

    void openRecent(Path file);

    void save();

    void saveAs();

    /** Writes the live scenario's batch curve as CSV (asks where). */
    default void exportCurveCsv() {
    }

    /** Writes the comparison of the live scenario and the pins as CSV (asks where). */
    default void exportComparisonCsv() {
    }

    /** Reads a Hugging Face config.json (asks which) and makes its model live. */
    default void importModel() {
    }

    /** For a window with no files (tests, benchmarks): the commands do nothing. */
    ScenarioFileActions NONE = new ScenarioFileActions() {
        @Override
        public void newScenario() {
        }

        @Override
        public void open() {
        }

        @Override
        public void openRecent(Path file) {
        }

        @Override
        public void save() {
        }

        @Override
        public void saveAs() {
        }
    };
}
