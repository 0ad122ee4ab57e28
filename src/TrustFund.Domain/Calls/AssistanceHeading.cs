namespace TrustFund.Domain.Calls;

/// <summary>The mandate's three kinds of aid.</summary>
public enum AssistanceHeading
{
    Humanitarian,
    Legal,
    Financial,
}
