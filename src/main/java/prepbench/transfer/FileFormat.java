package prepbench.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats formulas are imported from and exported to; see {@link FormulaFiles} for
 * their layout.
 */
public enum FileFormat {

    CSV("text/csv", "csv"), JSON("application/json", "json");

    private final String mediaType;

    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /**
     * Finds a format by its name or file extension, ignoring case and a leading dot:
     * "csv", ".JSON".
     */
    public static Optional<FileFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        String withoutDot = wanted.startsWith(".") ? wanted.substring(1) : wanted;
        return Arrays.stream(values()).filter(f -> f.extension.equals(withoutDot)).findFirst();
    }

    /** The media type, without parameters; written files are always UTF-8. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

}
