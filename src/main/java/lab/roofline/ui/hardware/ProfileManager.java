package lab.roofline.ui.hardware;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.AtomicFiles;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.data.ProfileDrafts;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RentalPriceLoader;
import lab.roofline.ui.app.AppServices;
import lab.roofline.ui.documents.ScenarioFiles;
import lab.roofline.ui.economics.RentalPricesDialog;
import lab.roofline.ui.scenario.HardwareSection;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * The user's own hardware: duplicate, edit, delete and import profiles (saved to the user's profile folder),
 * and the edited rental prices. The editor's dialogs are here; files are read and written on the I/O thread.
 */
public final class ProfileManager implements HardwareSection.ProfileActions {
    private final AppServices app;
    private final RooflineViewModel vm;
    /** Asks for a JSON file to open (title, kind); empty when the user cancels. */
    private final BiFunction<String, String, Optional<Path>> chooseJson;

    public ProfileManager(AppServices app, RooflineViewModel vm,
                          BiFunction<String, String, Optional<Path>> chooseJson) {
        this.app = app;
        this.vm = vm;
        this.chooseJson = chooseJson;
    }

    @Override
    public void duplicate(HardwareProfile p) {
        Set<String> ids = new HashSet<>();
        vm.profiles().forEach(x -> ids.add(x.id().toLowerCase(Locale.ROOT)));
        openEditor("Duplicate " + p.shortName(), ProfileDrafts.duplicate(p, ids), null);
    }

    @Override
    public void edit(HardwareProfile p) {
        if (!vm.isOwn(p)) {
            app.status(p.name() + " is bundled and never changed: duplicate it to make your own");
            return;
        }
        openEditor("Edit " + p.shortName(), ProfileDrafts.of(p), p);
    }

    @Override
    public void delete(HardwareProfile p) {
        if (!vm.isOwn(p)) {
            app.status(p.name() + " is bundled and cannot be deleted");
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + p.name() + " from your profile folder ("
                + AppHome.profilesDirectory() + ")?", ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText("Delete your profile " + p.shortName() + "?");
        app.style(ask);
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        app.io().execute(() -> {
            try {
                deleteFilesOf(p.id());
                Platform.runLater(() -> {
                    if (vm.gpuProperty().get().id().equals(p.id())) {
                        vm.profiles().stream().filter(x -> !x.id().equals(p.id())).findFirst()
                                .ifPresent(vm.gpuProperty()::set);
                    }
                    vm.profiles().removeIf(x -> x.id().equals(p.id()));
                    app.status("Deleted your profile " + p.name());
                });
            } catch (IOException e) {
                app.statusLater("Could not delete " + p.name() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void importProfile() {
        chooseJson.apply("Import a hardware profile", "Hardware profile (JSON)").ifPresent(file ->
                app.io().execute(() -> {
                    try {
                        HardwareProfile read = ProfileLoader.read(file);
                        Platform.runLater(() -> openEditor("Import " + read.shortName(), ProfileDrafts.of(read), null));
                    } catch (ProfileLoader.ProfileException | RuntimeException e) {
                        app.statusLater("Could not import " + file.getFileName() + ": " + e.getMessage()
                                + ". Nothing changed.");
                    }
                }));
    }

    /** The editor; Save writes the profile and puts it in the list (replacing the one edited). */
    private void openEditor(String title, Map<String, String> fields, HardwareProfile editing) {
        ProfileEditor editor = new ProfileEditor(title, fields, draft -> rules(draft, editing), this::exportDraft);
        app.style(editor);
        editor.showAndWait().ifPresent(saved -> save(ProfileDrafts.check(saved).profile(), editing));
    }

    /** The loader's rules, and the app's: a bundled profile's id (or another of yours) is not to be overwritten. */
    private ProfileEditor.Checked rules(Map<String, String> draft, HardwareProfile editing) {
        ProfileDrafts.Check check = ProfileDrafts.check(draft);
        if (!check.ok()) {
            return new ProfileEditor.Checked(false, check.field(), check.message());
        }
        String id = check.profile().id();
        boolean taken = vm.profiles().stream().anyMatch(p -> p.id().equalsIgnoreCase(id)
                && (editing == null || !p.id().equalsIgnoreCase(editing.id())));
        if (taken) {
            return new ProfileEditor.Checked(false, "id", "'" + id + "' is "
                    + (vm.profiles().stream().anyMatch(p -> p.id().equalsIgnoreCase(id) && !vm.isOwn(p))
                    ? "a bundled profile's id: give your copy its own" : "taken by another of your profiles"));
        }
        return new ProfileEditor.Checked(true, null, null);
    }

    private void save(HardwareProfile profile, HardwareProfile editing) {
        if (profile == null) {
            return;
        }
        Path folder = AppHome.profilesDirectory();
        String json = ProfileLoader.toJsonTree(profile).toPrettyString() + "\n";
        app.io().execute(() -> {
            try {
                if (editing != null) {
                    // Every file that defined it (whatever its name): one left behind would load it again.
                    deleteFilesOf(editing.id());
                }
                Files.createDirectories(folder);
                // Never over another file (one holding another profile, or one the loader skipped).
                Path candidate = folder.resolve(ScenarioFiles.safeFileName(profile.id()) + ".json");
                for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
                    candidate = folder.resolve(ScenarioFiles.safeFileName(profile.id()) + "-" + n + ".json");
                }
                Path out = candidate;
                AtomicFiles.writeString(out, ".roofline-profile-", json);
                Platform.runLater(() -> {
                    int at = editing == null ? -1 : vm.profiles().indexOf(editing);
                    if (at >= 0) {
                        vm.profiles().set(at, profile);
                    } else {
                        vm.profiles().add(profile);
                    }
                    vm.gpuProperty().set(profile);
                    app.status("Saved your profile " + profile.name() + " to " + out);
                });
            } catch (IOException e) {
                app.statusLater("Could not save the profile: " + e.getMessage() + ". The editor's values were not saved.");
            }
        });
    }

    /** Writes what the editor holds as a profile file (asks where); a draft the rules refuse is written too. */
    private void exportDraft(Map<String, String> draft) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hardware profile (JSON)", "*.json"));
        String id = draft.getOrDefault("id", "").strip();
        chooser.setInitialFileName((id.isEmpty() ? "profile" : ScenarioFiles.safeFileName(id)) + ".json");
        File chosen = chooser.showSaveDialog(app.stage());
        if (chosen == null) {
            return;
        }
        String json = ProfileDrafts.json(draft).toPrettyString() + "\n";
        app.io().execute(() -> {
            try {
                AtomicFiles.writeString(chosen.toPath(), ".roofline-profile-", json);
                app.statusLater("Exported the profile to " + chosen);
            } catch (IOException e) {
                app.statusLater("Could not export the profile: " + e.getMessage());
            }
        });
    }

    /** Deletes the files in the profile folder that define an id (io thread). */
    private static void deleteFilesOf(String id) throws IOException {
        Path folder = AppHome.profilesDirectory();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(x -> x.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).toList()) {
                try {
                    if (ProfileLoader.read(f).id().equalsIgnoreCase(id)) {
                        Files.delete(f);
                    }
                } catch (ProfileLoader.ProfileException e) {
                    // another file, not this profile's
                }
            }
        }
    }


    /**
     * Keeps the user's edited rental prices: the rows that differ from the bundled table, and a null price for a
     * bundled row they cleared, in ~/.roofline-lab/rental-prices.json; written off the FX thread.
     */
    public void saveRentalPrices(RentalPrices edited) {
        app.io().execute(() -> {
            RentalPrices bundled = RentalPriceLoader.loadBundled().prices();
            Map<String, RentalPrices.Rate> mine = new LinkedHashMap<>();
            RentalPricesDialog.userRows(edited, bundled).forEach(r -> mine.put(r.gpuId(), r));
            List<String> removed = bundled.byGpuId().keySet().stream().filter(id -> edited.find(id).isEmpty()).toList();
            Path file = AppHome.rentalPricesFile();
            try {
                RentalPriceLoader.save(file, new RentalPrices(mine), removed);
                app.statusLater("Rental prices saved to " + file);
            } catch (IOException | RuntimeException e) {
                app.statusLater("Rental prices cannot be saved to " + file + " (" + IoReasons.of(e)
                        + "); they last until the window closes");
            }
        });
    }
}
