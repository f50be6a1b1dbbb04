package lab.roofline.ui.shell;

import java.util.List;
import lab.roofline.ui.documents.CommandLineActions;
import lab.roofline.ui.documents.FileActions;
import lab.roofline.ui.lesson.LessonFeature;
import lab.roofline.ui.scenario.ScenarioActions;
import org.controlsfx.control.action.Action;

/**
 * Every command of the window by name, as the features define them: what the menu bar, the toolbar and
 * the shortcuts are made from (and what tests press). It owns none of them.
 */
public final class Commands {
    public final Action newScenario;
    public final Action open;
    public final Action save;
    public final Action saveAs;
    public final Action export;
    public final List<Action> exportEach;
    public final Action exportCurve;
    public final Action exportComparison;
    public final Action importModel;
    public final Action openCommandLine;
    public final Action undo;
    public final Action redo;
    public final Action reset;
    public final Action copyCommandLine;
    public final Action pasteCommandLine;
    public final Action pin;
    public final Action darkTheme;
    public final Action explanation;
    public final Action showWork;
    public final Action compare;
    /** Focus Roofline, Utilization, Cost (Ctrl+1, 2, 3). */
    public final List<Action> focus;
    public final Action zoomIn;
    public final Action zoomOut;
    public final Action zoomReset;
    public final Action presentation;
    public final Action landscape;
    public final Action serving;
    public final Action copyChart;
    public final Action startLesson;
    public final Action nextStep;
    public final Action previousStep;
    public final Action leaveLesson;
    public final Action predictFirst;
    public final Action practice;
    public final Action misconceptions;
    public final Action exportHandout;
    public final Action printHandout;
    public final Action about;

    public Commands(FileActions files, CommandLineActions lines, ScenarioActions edit, ViewActions view,
                    LessonFeature lesson) {
        newScenario = files.newScenario;
        open = files.open;
        save = files.save;
        saveAs = files.saveAs;
        export = files.export;
        exportEach = List.copyOf(files.exportEach);
        exportCurve = files.exportCurve;
        exportComparison = files.exportComparison;
        importModel = files.importModel;
        openCommandLine = lines.open;
        undo = edit.undo;
        redo = edit.redo;
        reset = edit.reset;
        copyCommandLine = lines.copy;
        pasteCommandLine = lines.paste;
        pin = edit.pin;
        darkTheme = view.darkTheme;
        explanation = view.explanation;
        showWork = view.showWork;
        compare = view.compare;
        focus = view.focus;
        zoomIn = view.zoomIn;
        zoomOut = view.zoomOut;
        zoomReset = view.zoomReset;
        presentation = view.presentation;
        landscape = view.landscape;
        serving = view.serving;
        copyChart = view.copyChart;
        startLesson = lesson.start;
        nextStep = lesson.next;
        previousStep = lesson.previous;
        leaveLesson = lesson.leave;
        predictFirst = lesson.predictFirst;
        practice = lesson.practiceToggle;
        misconceptions = lesson.misconceptions;
        exportHandout = lesson.exportHandout;
        printHandout = lesson.printHandout;
        about = view.about;
    }
}
