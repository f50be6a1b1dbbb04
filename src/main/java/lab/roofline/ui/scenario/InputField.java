package lab.roofline.ui.scenario;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.BooleanPropertyBase;
import javafx.beans.property.IntegerPropertyBase;
import javafx.beans.property.ObjectPropertyBase;
import javafx.beans.property.ReadOnlyDoublePropertyBase;
import javafx.beans.property.ReadOnlyIntegerPropertyBase;
import javafx.beans.property.ReadOnlyStringPropertyBase;
import javafx.beans.value.ObservableValue;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * One input as a property for a control to bind to, stored nowhere but in the scenario's one inputs value:
 * reading reads that value, writing replaces it with an edited copy. It tells its listeners only when its
 * own field changed, so a combo box bound to the GPU does not hear a batch drag.
 */
final class InputField {
    private InputField() {
    }

    /** Writes one field: an edit of the current inputs, or nothing when the value is refused. */
    interface Writer<T> {
        void write(T value);
    }

    static <T> ObjectPropertyBase<T> object(Object bean, String name, ObservableValue<ScenarioInputs> inputs,
                                             Function<ScenarioInputs, T> read, Writer<T> write) {
        ObjectPropertyBase<T> field = new ObjectPropertyBase<>() {
            {
                speakOnChange(inputs, read, this::fireValueChangedEvent);
            }

            @Override
            public T get() {
                return read.apply(inputs.getValue());
            }

            @Override
            public void set(T value) {
                if (!Objects.equals(value, get())) {
                    write.write(value);
                }
            }

            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name;
            }
        };
        return field;
    }

    static IntegerPropertyBase integer(Object bean, String name, ObservableValue<ScenarioInputs> inputs,
                                       Function<ScenarioInputs, Integer> read, Writer<Integer> write) {
        return new IntegerPropertyBase() {
            {
                speakOnChange(inputs, read, this::fireValueChangedEvent);
            }

            @Override
            public int get() {
                return read.apply(inputs.getValue());
            }

            @Override
            public void set(int value) {
                if (value != get()) {
                    write.write(value);
                }
            }

            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    static BooleanPropertyBase bool(Object bean, String name, ObservableValue<ScenarioInputs> inputs,
                                    Function<ScenarioInputs, Boolean> read, Writer<Boolean> write) {
        return new BooleanPropertyBase() {
            {
                speakOnChange(inputs, read, this::fireValueChangedEvent);
            }

            @Override
            public boolean get() {
                return read.apply(inputs.getValue());
            }

            @Override
            public void set(boolean value) {
                if (value != get()) {
                    write.write(value);
                }
            }

            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    /**
     * A number derived from a source value (the scenario) that tells its listeners only when the number
     * itself changed: a batch drag does not refill a list that depends on the model alone.
     */
    static <S> ReadOnlyDoublePropertyBase decimal(Object bean, String name, ObservableValue<S> source,
                                                 Function<S, Double> read) {
        return new ReadOnlyDoublePropertyBase() {
            {
                speakOnChange(source, read, this::fireValueChangedEvent);
            }

            @Override
            public double get() {
                return read.apply(source.getValue());
            }

            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    static <S> ReadOnlyIntegerPropertyBase whole(Object bean, String name, ObservableValue<S> source,
                                                Function<S, Integer> read) {
        return new ReadOnlyIntegerPropertyBase() {
            {
                speakOnChange(source, read, this::fireValueChangedEvent);
            }

            @Override
            public int get() {
                return read.apply(source.getValue());
            }

            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    static <S> ReadOnlyStringPropertyBase text(Object bean, String name, ObservableValue<S> source,
                                              Function<S, String> read) {
        return new ReadOnlyStringPropertyBase() {
            {
                speakOnChange(source, read, this::fireValueChangedEvent);
            }

            @Override
            public String get() {
                return read.apply(source.getValue());
            }

            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    /**
     * Calls {@code speak} when the value {@code read} takes from the source differs from the last one heard:
     * a property then tells its listeners only when its own value changed, not at every change of the source.
     */
    private static <S, T> void speakOnChange(ObservableValue<S> source, Function<S, T> read, Runnable speak) {
        Object[] heard = {read.apply(source.getValue())};
        source.addListener(obs -> {
            T now = read.apply(source.getValue());
            if (!Objects.equals(now, heard[0])) {
                heard[0] = now;
                speak.run();
            }
        });
    }
}
