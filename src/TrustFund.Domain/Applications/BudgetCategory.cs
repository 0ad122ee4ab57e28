namespace TrustFund.Domain.Applications;

/// <summary>Categories of budget lines.</summary>
public enum BudgetCategory
{
    DirectAssistanceToVictims,
    Personnel,
    TravelAndTransport,
    EquipmentAndSupplies,
    TrainingAndWorkshops,
    MonitoringAndEvaluation,
    AuditAndFinancialManagement,
    OfficeAndAdministration,
    Other,
}
