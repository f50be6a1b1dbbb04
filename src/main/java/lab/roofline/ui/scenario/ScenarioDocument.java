package lab.roofline.ui.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * The live scenario as a document: the file it was opened from or saved to, its name and note, and
 * whether the inputs changed since (the title's marker, the question on closing). No I/O: the app reads
 * and writes the files off the FX thread and reports here.
 */
public final class ScenarioDocument {
    /** Recent files offered under File ▸ Open Recent. */
    public static final int MAX_RECENT = 8;
    public static final String UNTITLED = "Untitled";

    private final ObservableValue<ScenarioInputs> inputs;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty name = new SimpleStringProperty(this, "name", UNTITLED);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    /** The inputs as last opened, saved or started afresh: what "unsaved changes" compares with. */
    private final ObjectProperty<ScenarioInputs> savedInputs = new SimpleObjectProperty<>(this, "savedInputs");
    /** The pins as last opened or saved (without embedded profiles), and the pins now. */
    private final ObjectProperty<List<NamedScenario.Pinned>> savedPins = new SimpleObjectProperty<>(this, "savedPins",
            List.of());
    private final ObservableValue<List<NamedScenario.Pinned>> pins;
    private final BooleanBinding modified;
    private final StringBinding title;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    ScenarioDocument(ObservableValue<ScenarioInputs> inputs) {
        this(inputs, new SimpleObjectProperty<>(List.of()));
    }

    /** @param pins the pinned scenarios now, which a document holds too (profiles not embedded) */
    ScenarioDocument(ObservableValue<ScenarioInputs> inputs, ObservableValue<List<NamedScenario.Pinned>> pins) {
        this.inputs = inputs;
        this.pins = pins;
        savedInputs.set(inputs.getValue());
        savedPins.set(pins.getValue());
        modified = Bindings.createBooleanBinding(() -> !Objects.equals(inputs.getValue(), savedInputs.get())
                        || !Objects.equals(withoutProfiles(pins.getValue()), withoutProfiles(savedPins.get())),
                inputs, savedInputs, pins, savedPins);
        title = Bindings.createStringBinding(() -> name.get() + (modified.get() ? " •" : "") + " — Roofline Lab",
                name, modified);
    }

    private static List<NamedScenario.Pinned> withoutProfiles(List<NamedScenario.Pinned> pins) {
        return pins.stream().map(p -> p.hardware() == null ? p
                : new NamedScenario.Pinned(p.name(), p.colour(), p.inputs(), null)).toList();
    }

    /** The window's title: "H200 plan • — Roofline Lab" while it has unsaved changes. */
    public StringBinding titleProperty() {
        return title;
    }

    /** Whether the inputs changed since the document was opened, saved or started. */
    public BooleanBinding modifiedProperty() {
        return modified;
    }

    public boolean isModified() {
        return modified.get();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Most recent first, at most {@link #MAX_RECENT}, no repeats. */
    public ObservableList<Path> recent() {
        return recent;
    }

    /**
     * Whether closing should ask first: only a document that lives in a file and has changed. An untitled
     * scenario is kept by the session (settings) and reopens as it was, so closing never nags about it.
     */
    public boolean closingLosesWork() {
        return file.get() != null && isModified();
    }

    /** Starts afresh (File ▸ New): untitled, nothing to save. Call after the inputs were reset. */
    public void startedNew() {
        file.set(null);
        name.set(UNTITLED);
        note.set("");
        savedInputs.set(inputs.getValue());
        savedPins.set(List.of()); // pins kept from before are not in any file yet
    }

    /** A file was opened and its inputs applied. */
    public void opened(Path from, NamedScenario d) {
        file.set(from);
        name.set(d.name().isBlank() ? nameOf(from) : d.name());
        note.set(d.note());
        savedInputs.set(inputs.getValue());
        savedPins.set(d.pins()); // pins kept from before (a file without any) count as unsaved
        remember(from);
    }

    /**
     * A new session finds the file the last one had open: the document is that file again, and the
     * inputs the session restored are compared with the file's (changes made before closing stay marked).
     */
    public void reattached(Path from, NamedScenario d) {
        file.set(from);
        name.set(d.name().isBlank() ? nameOf(from) : d.name());
        note.set(d.note());
        savedInputs.set(d.inputs());
        savedPins.set(d.pins());
    }

    /** The inputs given were written to a file (they may have changed since the save began). */
    public void saved(Path to, ScenarioInputs written) {
        saved(to, written, pins.getValue());
    }

    /** The inputs and pins given were written to a file. */
    public void saved(Path to, ScenarioInputs written, List<NamedScenario.Pinned> writtenPins) {
        savedPins.set(writtenPins);
        if (!Objects.equals(to, file.get()) && UNTITLED.equals(name.get())) {
            name.set(nameOf(to));
        }
        file.set(to);
        savedInputs.set(written);
        remember(to);
    }

    /** What Save writes: the live inputs, name and note, and the profile when it is one of the user's own. */
    public NamedScenario toDocument(HardwareProfile embedded) {
        return toDocument(embedded, pins.getValue());
    }

    /** As above, with the pins given (their own profiles embedded where they need them). */
    public NamedScenario toDocument(HardwareProfile embedded, List<NamedScenario.Pinned> pinned) {
        return toDocument(embedded, pinned, List.of());
    }

    /** As above, with the architectures of the imported models the scenario and pins name. */
    public NamedScenario toDocument(HardwareProfile embedded, List<NamedScenario.Pinned> pinned,
                                    List<ModelSpec> importedModels) {
        return new NamedScenario(name.get(), note.get(), inputs.getValue(), embedded, pinned, importedModels);
    }

    /** Puts a file first in the recent list. */
    public void remember(Path path) {
        Path p = path.toAbsolutePath().normalize();
        recent.remove(p);
        recent.add(0, p);
        if (recent.size() > MAX_RECENT) {
            recent.remove(MAX_RECENT, recent.size());
        }
    }

    /** Restores the recent list (from the settings), dropping repeats beyond the limit. */
    public void setRecent(List<Path> paths) {
        recent.clear();
        for (int i = paths.size() - 1; i >= 0; i--) {
            remember(paths.get(i));
        }
    }

    /** "plan" for plan.roofline.json: the name a file gives an untitled scenario. */
    public static String nameOf(Path file) {
        String n = file.getFileName() == null ? UNTITLED : file.getFileName().toString();
        if (n.endsWith(NamedScenario.FILE_EXTENSION)) {
            n = n.substring(0, n.length() - NamedScenario.FILE_EXTENSION.length());
        } else if (n.endsWith(".json")) {
            n = n.substring(0, n.length() - ".json".length());
        }
        return n.isBlank() ? UNTITLED : n;
    }
}
