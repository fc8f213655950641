package io.evalify.fakes.judge0;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately tiny "interpreter": a table of Python program shapes the fake recognises (enough for
 * the sample fixture and the generated coding questions), each with a Java function giving its output.
 * Sources are compared with all whitespace removed, so formatting does not matter. Anything else is
 * unknown and the fake answers a runtime error.
 */
final class PythonShapes {

    /** Judge0 CE id of Python 3. */
    static final int PYTHON_3 = 71;

    /** A Python exception, reported as a runtime error with a traceback. */
    private static final class PythonError extends Exception {
        PythonError(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface Program {
        String run(Matcher shape, String stdin) throws PythonError;
    }

    private record Shape(String name, Pattern pattern, Program program) {}

    private static final String READ_TWO = "(\\w+),(\\w+)=map\\(int,input\\(\\)\\.split\\(\\)\\)";

    private static final List<Shape> SHAPES = List.of(
            shape("sum", READ_TWO + "print\\(\\1\\+\\2\\)", (m, in) -> {
                BigInteger[] v = twoInts(in);
                return line(v[0].add(v[1]));
            }),
            shape("difference", READ_TWO + "print\\(\\1-\\2\\)", (m, in) -> {
                BigInteger[] v = twoInts(in);
                return line(v[0].subtract(v[1]));
            }),
            shape("product", READ_TWO + "print\\(\\1\\*\\2\\)", (m, in) -> {
                BigInteger[] v = twoInts(in);
                return line(v[0].multiply(v[1]));
            }),
            shape("sum-if-else-product", READ_TWO + "print\\(\\1\\+\\2if\\1==(-?\\d+)else\\1\\*\\2\\)", (m, in) -> {
                BigInteger[] v = twoInts(in);
                boolean sum = v[0].equals(new BigInteger(m.group(3)));
                return line(sum ? v[0].add(v[1]) : v[0].multiply(v[1]));
            }),
            shape("square", "(\\w+)=int\\(input\\(\\)\\)print\\(\\1\\*\\1\\)", (m, in) -> {
                BigInteger n = integer(firstLine(in).strip());
                return line(n.multiply(n));
            }),
            shape("echo", "print\\(input\\(\\)\\)", (m, in) -> firstLine(in) + "\n"));

    /** {@code print("text")} is matched on the unsquashed source to keep the spaces in the text. */
    private static final Pattern PRINT_LITERAL = Pattern.compile("print\\((['\"])([^'\"\\\\]*)\\1\\)");

    private PythonShapes() {}

    /** The run's result if the source is a known shape, else empty. */
    static Optional<Judge0Result> run(String source, String stdin) {
        Matcher literal = PRINT_LITERAL.matcher(source.strip());
        if (literal.matches()) {
            return Optional.of(Judge0Result.accepted(literal.group(2) + "\n"));
        }
        String squashed = source.replaceAll("\\s+", "");
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(squashed);
            if (matcher.matches()) {
                return Optional.of(execute(shape, matcher, stdin == null ? "" : stdin));
            }
        }
        return Optional.empty();
    }

    private static Judge0Result execute(Shape shape, Matcher matcher, String stdin) {
        try {
            return Judge0Result.accepted(shape.program().run(matcher, stdin));
        } catch (PythonError e) {
            return Judge0Result.runtimeError(
                    "Traceback (most recent call last):\n  File \"script.py\", line 1, in <module>\n" + e.getMessage()
                            + "\n");
        }
    }

    private static Shape shape(String name, String regex, Program program) {
        return new Shape(name, Pattern.compile(regex), program);
    }

    private static BigInteger[] twoInts(String stdin) throws PythonError {
        String[] words = firstLine(stdin).strip().split("\\s+");
        if (words.length < 2) {
            int got = words[0].isEmpty() ? 0 : words.length;
            throw new PythonError("ValueError: not enough values to unpack (expected 2, got " + got + ")");
        }
        if (words.length > 2) {
            throw new PythonError("ValueError: too many values to unpack (expected 2)");
        }
        return new BigInteger[] {integer(words[0]), integer(words[1])};
    }

    private static BigInteger integer(String word) throws PythonError {
        try {
            return new BigInteger(word.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new PythonError("ValueError: invalid literal for int() with base 10: '" + word + "'");
        }
    }

    private static String firstLine(String stdin) throws PythonError {
        if (stdin.isEmpty()) {
            throw new PythonError("EOFError: EOF when reading a line");
        }
        int newline = stdin.indexOf('\n');
        return newline < 0 ? stdin : stdin.substring(0, newline);
    }

    private static String line(BigInteger value) {
        return value + "\n";
    }
}
