package dev.vera.model;

/**
 * Articles that sit in two parts of a split (the same content hash: title and body): a held-out
 * article that is also in {@code train} is scored as unseen though the model learned it, which
 * flatters every figure chosen or reported on that part.
 *
 * @param validInTrain validation articles also in the training part
 * @param testInTrain test articles also in the training part
 * @param testInValid test articles also in the validation part (and not in train)
 */
public record PartOverlap(int validInTrain, int testInTrain, int testInValid) {

  /** Whether a held-out part shares articles with {@code train}. */
  public boolean heldOutInTrain() {
    return validInTrain + testInTrain > 0;
  }

  /** All the duplicates counted. */
  public int total() {
    return validInTrain + testInTrain + testInValid;
  }

  /** Why training is refused, and what to do. */
  public String refusal(String validName, String testName) {
    return validInTrain
        + " "
        + validName
        + " and "
        + testInTrain
        + " "
        + testName
        + " articles are also in the training part (same title and text)"
        + (testInValid > 0
            ? ", and " + testInValid + " " + testName + " articles are in both held-out parts"
            : "")
        + ": a model would be judged on articles it learned. Remove the duplicates from the data,"
        + " or drop them from the held-out parts (vera train --drop-duplicates)";
  }
}
