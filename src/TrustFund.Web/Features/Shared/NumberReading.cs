namespace TrustFund.Web.Features.Shared;

/// <summary>What <see cref="NumberText"/> made of a number typed into a form.</summary>
public enum NumberReading
{
    /// <summary>A number, read in exactly one way.</summary>
    Valid,

    /// <summary>Nothing was typed.</summary>
    Empty,

    /// <summary>Not a number at all.</summary>
    NotANumber,

    /// <summary>
    /// Separators that could mean something else ("98,85" where the comma separates thousands;
    /// "1.234" where the point is not the decimal separator): refused rather than guessed.
    /// </summary>
    Ambiguous,

    /// <summary>Below zero.</summary>
    Negative,

    /// <summary>More decimals than allowed (cents for amounts, none for whole numbers).</summary>
    TooManyDecimals,

    /// <summary>Beyond what the fund handles.</summary>
    TooLarge,
}
