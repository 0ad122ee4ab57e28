using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Domain.GranteeReports;

/// <summary>Persons assisted of one sex in one age band: a count, never an identity.</summary>
public sealed record SexAgeCount(Sex Sex, AgeBand AgeBand, int Count);

/// <summary>Persons assisted who were trafficked for one form of exploitation (a person may count under several).</summary>
public sealed record ExploitationFormCount(ExploitationForm Form, int Count);

/// <summary>Persons who received one type of assistance (a person may count under several).</summary>
public sealed record AssistanceTypeCount(AssistanceType Type, int Count);

/// <summary>Persons assisted of one nationality, by UN M49 country code (e.g. "566" for Nigeria).</summary>
public sealed record NationalityCount(string CountryCode, int Count);
