using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Security.SecurityMatrixTests.Expect;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Who may reach what. Every endpoint the app maps must have one line in <see cref="Matrix"/>; every
/// line is requested as an anonymous visitor and as each demo role. GET and any-method ("*") lines
/// say what a GET answers; POST lines say what a POST WITHOUT an antiforgery token answers (so it is
/// refused: 400, or 403 / sign-in redirect when authorization refuses first). Every POST line also
/// has a line in <see cref="WithToken"/>: what the same POST answers WITH a valid token and an empty
/// form, so authorization, not the missing token, is what refuses.
/// </summary>
public sealed class SecurityMatrixTests
{
    // To add an endpoint: one line, then (if it has a new route parameter) a sample value in RouteSamples.Values
    // (by parameter name, or by "route prefix:parameter name" when the same name means another record).
    //   Method  Route pattern as mapped           Anonymous        Applicant   Reviewer    FundManager FinanceOff. Administrator
    private static readonly EndpointRule[] Matrix =
    [
        new("GET",  "/",                            RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/Login",               Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/Login",               BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/Logout",              BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Language",                    BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/AccessDenied",        Forbidden,       Forbidden,  Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("*",    "/Error",                       ServerError,     ServerError, ServerError, ServerError, ServerError, ServerError),
        new("*",    "/Error/{code:int:range(400,599)}", NotFound,        NotFound,   NotFound,   NotFound,   NotFound,   NotFound),
        new("*",    "/health/live",                 Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("*",    "/health/ready",                Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/Register",            Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/Register",            BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ConfirmEmail",        Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/ResendConfirmation",  Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ResendConfirmation",  BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ForgotPassword",      Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ForgotPassword",      BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ResetPassword",       Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ResetPassword",       BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/AcceptInvitation",    Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/AcceptInvitation",    BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ChangePassword",      RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ChangePassword",      RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/LoginWith2fa",        RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin),
        new("POST", "/Account/LoginWith2fa",        BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/LoginWithRecoveryCode", RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin),
        new("POST", "/Account/LoginWithRecoveryCode", BadRequest,    BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/TwoFactor",           RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/TwoFactor/Enable",    RedirectToLogin, Ok,         Ok,         Redirect,   Redirect,   Redirect),
        new("POST", "/Account/TwoFactor/Enable",    RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/RecoveryCodes", RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/Reset",     RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/Disable",   RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/SignOutEverywhere",   RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/Sessions",           RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/Sessions/EndOthers",  RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/Sessions/{id:guid}/End", RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Admin/Users",                 RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("GET",  "/Admin/Users/Invite",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("POST", "/Admin/Users/Invite",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  BadRequest),
        new("GET",  "/Admin/Users/{id:guid}",       RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("POST", "/Admin/Users/{id:guid}/Roles", RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  BadRequest),
        new("POST", "/Admin/Users/{id:guid}/Deactivate", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest),
        new("POST", "/Admin/Users/{id:guid}/Reactivate", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest),
        new("POST", "/Admin/Users/{id:guid}/Invitation", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest),
        new("GET",  "/Manage/Calls",                RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/New",            RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/New",            RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}",      RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}/Edit", RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Edit", RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Publish", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Close", RedirectToLogin, Forbidden, Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Delete", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Questions/{questionId:guid}", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/calls",                       Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/calls/{code}",                Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/calls/{code}/questions",      RedirectToLogin, BadRequest, Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/calls/{code}/questions/{id:guid}", RedirectToLogin, Ok,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/Applications", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Assistance", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Beneficiaries", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Budget", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Declarations", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Documents", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Project", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Submit", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Withdraw", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Receipt", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Versions/Compare", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/Start", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Assistance", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Beneficiaries", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Budget", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Declarations", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Documents", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Documents/{attachmentId:guid}/Remove", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Project", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Submit", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Withdraw", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Documents/{attachmentId:guid}", RedirectToLogin, Ok, NotFound, Ok, NotFound, NotFound),
        new("GET",  "/Manage/Applications", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}/Attachments/{attachmentId:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/RequestInformation", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}/Screening", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}/Ranking", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Screening", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}/Reviewers", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}/Reviewers/Auto", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}/Conflicts", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}/ReviewSettings", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Reviewers", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Reviewers/{id:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Reviewers/{id:guid}/Profile", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Assign", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Remove", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/DueDate", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Reopen", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Conflicts/Pin", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Conflicts/Confirm", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Conflicts/Dismiss", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Reviewers/Auto", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Reviewers/Remind", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/ReviewSettings", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Reviewers/{id:guid}/Profile", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Organisations", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Ok),
        new("GET",  "/Manage/Organisations/{id:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Ok),
        new("GET",  "/Manage/Organisations/{id:guid}/Documents/{documentId:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Ok),
        new("POST", "/Manage/Organisations/{id:guid}/Reject", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("POST", "/Manage/Organisations/{id:guid}/Suspend", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("POST", "/Manage/Organisations/{id:guid}/Verify", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("POST", "/Manage/Organisations/{id:guid}/VerifyBank", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("GET",  "/Organisation", RedirectToLogin, Redirect, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Bank", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Documents", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Members", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Profile", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Documents/{id:guid}", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Bank", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Documents", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Documents/{id:guid}/Remove", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Members/Invite", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Members/{id:guid}/Remove", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Profile", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Admin/Audit",                 RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("GET",  "/Admin/Audit/{sequence:long}", RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("POST", "/Admin/Audit/Verify",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  BadRequest),
        new("GET",  "/Grants/{grantId:guid}/Payments", RedirectToLogin, Ok, Forbidden, Ok, Ok, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Payments/Refund", RedirectToLogin, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Payments/Correction", RedirectToLogin, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Payments/WriteOff", RedirectToLogin, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden),
        new("GET",  "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Ok, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Request", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Approve", RedirectToLogin, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Pay", RedirectToLogin, Forbidden, Forbidden, Forbidden, BadRequest, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Hold", RedirectToLogin, Forbidden, Forbidden, BadRequest, BadRequest, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/TakeOffHold", RedirectToLogin, Forbidden, Forbidden, BadRequest, BadRequest, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Cancel", RedirectToLogin, Forbidden, Forbidden, BadRequest, BadRequest, Forbidden),
        new("GET",  "/Finance/Payments",            RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Ok,         Forbidden),
        new("GET",  "/Manage/Organisations/{id:guid}/Concerns", RedirectToLogin, Forbidden, Forbidden, Ok, Ok, Ok),
        new("POST", "/Manage/Organisations/{id:guid}/Concerns", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Organisations/{id:guid}/Concerns/{concernId:guid}/Close", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Reviews/{assignmentId:guid}", RedirectToLogin, Forbidden, Redirect,   Forbidden,  Forbidden,  Forbidden), // to the declaration first
        new("POST", "/Reviews/{assignmentId:guid}", RedirectToLogin, Forbidden, BadRequest, Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/Reviews/{assignmentId:guid}/Declaration", RedirectToLogin, Forbidden, Ok, Forbidden, Forbidden,  Forbidden),
        new("POST", "/Reviews/{assignmentId:guid}/Declaration", RedirectToLogin, Forbidden, BadRequest, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Reviews/Profile",             RedirectToLogin, Forbidden,  Ok,         Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/applications/{id:guid}/dossier", RedirectToLogin, Ok,   Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/applications/{id:guid}/dossier.pdf", RedirectToLogin, Ok, Forbidden, Ok,        Forbidden,  Forbidden),
        new("GET",  "/calls/{id:guid}/board-pack",  RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/calls/{id:guid}/board-pack.pdf", RedirectToLogin, Forbidden, Forbidden, Ok,        Forbidden,  Forbidden),
        new("GET",  "/Manage/Applications/export.{format}", RedirectToLogin, Forbidden, Forbidden, Ok,   Forbidden,  Forbidden),
        new("GET",  "/exports/reviews.{format}",    RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/exports/ledger.{format}",     RedirectToLogin, Forbidden,  Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/exports/grants.{format}",     RedirectToLogin, Forbidden,  Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/grants/{id:guid}/award-letter", RedirectToLogin, Ok,     Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/grants/{id:guid}/award-letter.pdf", RedirectToLogin, Ok, Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/grants/{id:guid}/statement", RedirectToLogin, Ok,        Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/grants/{id:guid}/statement.pdf", RedirectToLogin, Ok,    Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/reports/portfolio",           RedirectToLogin, Forbidden,  Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/reports/portfolio.pdf",       RedirectToLogin, Forbidden,  Forbidden,  Ok,         Ok,         Forbidden),
        new("POST", "/Reviews/Profile",             RedirectToLogin, Forbidden,  BadRequest, Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/{callId:guid}/Decisions", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/Sessions", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/MarkDecided", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}/Feedback", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}/Feedback/Release", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Grants",               RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/Grants",                      RedirectToLogin, Ok,         Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/Grants/{id:guid}",            RedirectToLogin, Ok,         Forbidden,  Ok,         Ok,         Forbidden),
        new("POST", "/Grants/{id:guid}/Signatures", RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Suspend",    RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Resume",     RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("GET",  "/Grants/{id:guid}/Amendments", RedirectToLogin, Ok,         Forbidden,  Ok,         Ok,         Forbidden),
        new("GET",  "/Grants/{id:guid}/Amendments/Extension", RedirectToLogin, Ok, Forbidden, Ok,       Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/Extension", RedirectToLogin, BadRequest, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Grants/{id:guid}/Amendments/BudgetRevision", RedirectToLogin, Ok, Forbidden, Ok,  Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/BudgetRevision", RedirectToLogin, BadRequest, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/{amendmentId:guid}/Approve", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/{amendmentId:guid}/Refuse", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Grants/{id:guid}/Closure",    RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Closure/Begin", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Closure/Close", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        // Grantee reports: the sample grant and report ids name no record (404 once past the role check).
        new("GET",  "/Grants/{id:guid}/Reports",    RedirectToLogin, NotFound,   NotFound,   NotFound,   NotFound,   NotFound),
        new("GET",  "/Grants/{id:guid}/Reports/{reportId:guid}", RedirectToLogin, NotFound, NotFound, NotFound, NotFound, NotFound),
        new("GET",  "/Grants/{id:guid}/Reports/{reportId:guid}/Versions/{number:int}", RedirectToLogin, NotFound, NotFound, NotFound, NotFound, NotFound),
        new("POST", "/Grants/{id:guid}/Reports/{reportId:guid}", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Reports/{reportId:guid}/Accept", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Reports/{reportId:guid}/Revision", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Reports",                     RedirectToLogin, Ok,         Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/Manage/Reports",              RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("POST", "/Manage/Reports/Reminders",    RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
    ];

    // The POST lines again, sent WITH a valid antiforgery token (each identity's own, from a page it can
    // see) and an empty form, on an app of their own. A role without the capability is refused (403,
    // sign-in redirect, or 404 for a record it may not know) and nothing changes; a role with it gets
    // Handled: the action answers (a page, a redirect or 400), never a 500.
    //   Method  Route pattern as mapped           Anonymous        Applicant   Reviewer    FundManager FinanceOff. Administrator
    private static readonly EndpointRule[] WithToken =
    [
        new("POST", "/Account/Login",               Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/Logout",              RedirectToLogin, SignedOut,  SignedOut,  SignedOut,  SignedOut,  SignedOut),
        new("POST", "/Language",                    Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/Register",            Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/ResendConfirmation",  Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/ForgotPassword",      Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/ResetPassword",       Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/AcceptInvitation",    Handled,         Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/ChangePassword",      RedirectToLogin, Handled,    Handled,    Handled,    Handled,    Handled),
        // The sign-in code pages ignore any session the browser holds: a signed-in user's token, made for
        // that user, does not match the anonymous request and is refused.
        new("POST", "/Account/LoginWith2fa",        RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/LoginWithRecoveryCode", RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/Enable",    RedirectToLogin, Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/TwoFactor/RecoveryCodes", RedirectToLogin, Handled, Handled,   Handled,    Handled,    Handled),
        new("POST", "/Account/TwoFactor/Reset",     RedirectToLogin, Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/TwoFactor/Disable",   RedirectToLogin, Handled,    Handled,    Forbidden,  Forbidden,  Forbidden), // required for staff
        new("POST", "/Account/SignOutEverywhere",   RedirectToLogin, SignedOut,  SignedOut,  SignedOut,  SignedOut,  SignedOut),
        new("POST", "/Account/Sessions/EndOthers",  RedirectToLogin, Handled,    Handled,    Handled,    Handled,    Handled),
        new("POST", "/Account/Sessions/{id:guid}/End", RedirectToLogin, NotFound, NotFound,  NotFound,   NotFound,   NotFound), // not their session
        new("POST", "/Admin/Users/Invite",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Handled),
        new("POST", "/Admin/Users/{id:guid}/Roles", RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Handled),
        new("POST", "/Admin/Users/{id:guid}/Deactivate", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, Handled),
        new("POST", "/Admin/Users/{id:guid}/Reactivate", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, Handled),
        new("POST", "/Admin/Users/{id:guid}/Invitation", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, Handled),
        new("POST", "/Manage/Calls/New",            RedirectToLogin, Forbidden,  Forbidden,  Handled,    Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Edit", RedirectToLogin, Forbidden,  Forbidden,  Handled,    Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Publish", RedirectToLogin, Forbidden, Forbidden, Handled,   Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Close", RedirectToLogin, Forbidden, Forbidden,  Handled,    Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Delete", RedirectToLogin, Forbidden, Forbidden, Handled,    Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Questions/{questionId:guid}", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/calls/{code}/questions",      RedirectToLogin, Handled,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Applications/Start",          RedirectToLogin, NotFound,   Forbidden,  Forbidden,  Forbidden,  Forbidden), // an empty form names no call
        new("POST", "/Applications/{id:guid}/Assistance", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Beneficiaries", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Budget", RedirectToLogin, Handled,  Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Applications/{id:guid}/Declarations", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Documents", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Documents/{attachmentId:guid}/Remove", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Project", RedirectToLogin, Handled, Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Applications/{id:guid}/Submit", RedirectToLogin, Handled,  Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Applications/{id:guid}/Withdraw", RedirectToLogin, Handled, Forbidden, Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/RequestInformation", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Screening", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Organisations/{id:guid}/Reject", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Handled),
        new("POST", "/Manage/Organisations/{id:guid}/Suspend", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Handled),
        new("POST", "/Manage/Organisations/{id:guid}/Verify", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Handled),
        new("POST", "/Manage/Organisations/{id:guid}/VerifyBank", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Handled),
        new("POST", "/Organisation/Bank",           RedirectToLogin, Handled,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Organisation/Documents",      RedirectToLogin, Handled,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Organisation/Documents/{id:guid}/Remove", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Members/Invite", RedirectToLogin, Handled,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Organisation/Members/{id:guid}/Remove", RedirectToLogin, Handled, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Profile",        RedirectToLogin, Handled,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Assign", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Remove", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/DueDate", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Reopen", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Conflicts/Pin", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Conflicts/Confirm", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Reviewers/Conflicts/Dismiss", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Reviewers/Auto", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Reviewers/Remind", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/ReviewSettings", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Reviewers/{id:guid}/Profile", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Admin/Audit/Verify",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Handled),
        new("POST", "/Grants/{grantId:guid}/Payments/Refund", RedirectToLogin, Forbidden, Forbidden, Forbidden, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Payments/Correction", RedirectToLogin, Forbidden, Forbidden, Forbidden, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Payments/WriteOff", RedirectToLogin, Forbidden, Forbidden, Forbidden, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Request", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Approve", RedirectToLogin, Forbidden, Forbidden, Forbidden, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Pay", RedirectToLogin, Forbidden, Forbidden, Forbidden, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Hold", RedirectToLogin, Forbidden, Forbidden, Handled, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/TakeOffHold", RedirectToLogin, Forbidden, Forbidden, Handled, Handled, Forbidden),
        new("POST", "/Grants/{grantId:guid}/Instalments/{instalmentId:guid}/Cancel", RedirectToLogin, Forbidden, Forbidden, Handled, Handled, Forbidden),
        new("POST", "/Manage/Organisations/{id:guid}/Concerns", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Organisations/{id:guid}/Concerns/{concernId:guid}/Close", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Reviews/{assignmentId:guid}", RedirectToLogin, Forbidden, NotFound,   Forbidden,  Forbidden,  Forbidden), // another reviewer's assignment
        new("POST", "/Reviews/{assignmentId:guid}/Declaration", RedirectToLogin, Forbidden, NotFound, Forbidden, Forbidden, Forbidden), // another reviewer's assignment
        new("POST", "/Reviews/Profile",             RedirectToLogin, Forbidden,  Handled,    Forbidden,  Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/Sessions", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/MarkDecided", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}/Feedback", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{callId:guid}/Decisions/{applicationId:guid}/Feedback/Release", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Signatures", RedirectToLogin, Forbidden,  Forbidden,  Handled,    Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Suspend",    RedirectToLogin, Forbidden,  Forbidden,  Handled,    Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Resume",     RedirectToLogin, Forbidden,  Forbidden,  Handled,    Forbidden,  Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/Extension", RedirectToLogin, Handled, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/BudgetRevision", RedirectToLogin, Handled, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/{amendmentId:guid}/Approve", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Amendments/{amendmentId:guid}/Refuse", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Closure/Begin", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Closure/Close", RedirectToLogin, Forbidden, Forbidden, Handled, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Reports/{reportId:guid}", RedirectToLogin, NotFound, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Reports/{reportId:guid}/Accept", RedirectToLogin, Forbidden, Forbidden, NotFound, Forbidden, Forbidden),
        new("POST", "/Grants/{id:guid}/Reports/{reportId:guid}/Revision", RedirectToLogin, Forbidden, Forbidden, NotFound, Forbidden, Forbidden),
        new("POST", "/Manage/Reports/Reminders",    RedirectToLogin, Forbidden,  Forbidden,  Handled,    Forbidden,  Forbidden),
    ];

    /// <summary>Demo account signed in for each role column.</summary>
    private static readonly (string Role, string Email)[] RoleAccounts =
    [
        (Roles.Applicant, "applicant@trustfund.test"),
        (Roles.Reviewer, "reviewer@trustfund.test"),
        (Roles.FundManager, "manager@trustfund.test"),
        (Roles.FinanceOfficer, "finance@trustfund.test"),
        (Roles.Administrator, "admin@trustfund.test"),
    ];

    private const string AnonymousName = "Anonymous";

    private readonly Dictionary<string, TestSession> _sessions = [];
    private TrustFundApp _app = null!;
    private RouteSamples _samples = null!;
    private IdentitiesWithTokens? _withTokens;

    /// <summary>What an endpoint answers.</summary>
    public enum Expect
    {
        Ok,
        RedirectToLogin,
        Redirect,
        BadRequest,
        Forbidden,
        NotFound,
        ServerError,

        /// <summary>Only in <see cref="WithToken"/>: the action ran and answered a page, a redirect (not to sign-in) or 400; never a 500.</summary>
        Handled,

        /// <summary>Only in <see cref="WithToken"/>: the action signed the user out and sent them to the sign-in page.</summary>
        SignedOut,
    }

    public static IEnumerable<TestCaseData> Rules =>
        Matrix.Select(rule => new TestCaseData(rule).SetArgDisplayNames($"{rule.Method} {rule.Pattern}"));

    public static IEnumerable<TestCaseData> RulesWithToken =>
        WithToken.Select(rule => new TestCaseData(rule).SetArgDisplayNames($"{rule.Method} {rule.Pattern}"));

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _sessions[AnonymousName] = _app.NewSession();
        foreach (var (role, email) in RoleAccounts)
        {
            _sessions[role] = await _app.SignInAsync(email);
        }

        _samples = await RouteSamples.CreateAsync(_app);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _withTokens?.Dispose();
        _app.Dispose();
    }

    [Test]
    public void Matrix_CoversEveryMappedEndpointAndNothingElse()
    {
        var mapped = MappedEndpoints().Keys.ToHashSet();
        var listed = Matrix.Select(r => r.Key).ToList();

        var missing = mapped.Except(listed).OrderBy(k => k.Pattern, StringComparer.Ordinal).ThenBy(k => k.Method, StringComparer.Ordinal).ToList();
        var stale = listed.Except(mapped).ToList();
        var duplicated = listed.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "Endpoints missing from the security matrix (add a line for each):\n" + string.Join('\n', missing.Select(k => $"    new(\"{k.Method}\", \"{k.Pattern}\", ...),")));
            Assert.That(stale, Is.Empty, "Matrix lines whose endpoint is no longer mapped (remove or correct them):\n" + string.Join('\n', stale.Select(k => $"    {k.Method} {k.Pattern}")));
            Assert.That(duplicated, Is.Empty, "Endpoints listed twice in the matrix");
        });
    }

    [TestCaseSource(nameof(Rules))]
    public async Task Endpoint_AnonymousAndEachRole_AnswerAsTheMatrixSays(EndpointRule rule)
    {
        if (!MappedEndpoints().TryGetValue(rule.Key, out var endpoint))
        {
            Assert.Fail($"{rule.Method} {rule.Pattern} is in the matrix but not mapped by the app.");
            return;
        }

        var url = FillRoute(endpoint.RoutePattern);
        var method = rule.Method == "*" ? HttpMethods.Get : rule.Method;
        var actual = new List<string>();
        var expected = new List<string>();
        foreach (var (identity, expect) in rule.Expectations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                // Deliberately no __RequestVerificationToken.
                request.Content = new FormUrlEncodedContent([]);
            }

            using var response = await _sessions[identity].Client.SendAsync(request);
            actual.Add($"{identity}: {Describe(response)}");
            expected.Add($"{identity}: {expect}");
        }

        Assert.That(actual, Is.EqualTo(expected), $"{method} {url}");
    }

    [Test]
    public void WithToken_ListsExactlyThePostLinesOfTheMatrix()
    {
        var posts = Matrix.Where(r => r.Method != "GET" && r.Method != "*").Select(r => r.Key).ToList();
        var listed = WithToken.Select(r => r.Key).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(posts.Except(listed), Is.Empty, "POST lines of the matrix missing from the second table (add a line for each)");
            Assert.That(listed.Except(posts), Is.Empty, "Lines of the second table that are not POST lines of the matrix");
            Assert.That(listed, Is.Unique);
            Assert.That(WithToken.SelectMany(r => r.Expectations).Select(e => e.Expect), Is.All.AnyOf(Handled, SignedOut, Forbidden, RedirectToLogin, NotFound, BadRequest), "with a valid token: handled, or refused by authorization (or, on the sign-in pages, by a token made for another identity)");
            Assert.That(Matrix.SelectMany(r => r.Expectations).Select(e => e.Expect), Has.None.AnyOf(Handled, SignedOut), "Handled and SignedOut belong to the second table");
        });
    }

    [TestCaseSource(nameof(RulesWithToken))]
    public async Task Post_WithValidTokenAsAnonymousAndEachRole_AnswersAsTheSecondTableSaysAndRefusalsChangeNothing(EndpointRule rule)
    {
        _withTokens ??= await IdentitiesWithTokens.StartAsync();
        var app = _withTokens.App;
        if (!RouteSamples.MappedEndpoints(app).TryGetValue(rule.Key, out var endpoint))
        {
            Assert.Fail($"{rule.Method} {rule.Pattern} is in the second table but not mapped by the app.");
            return;
        }

        var url = _withTokens.Samples.Fill(endpoint.RoutePattern);
        var actual = new List<string>();
        var expected = new List<string>();
        var changedByRefusals = new List<string>();
        foreach (var (identity, expect) in rule.Expectations)
        {
            var (session, token) = await _withTokens.ForAsync(identity);
            var before = await FormCrawler.FingerprintAsync(app);
            using var response = await session.Client.PostAsync(
                new Uri(url, UriKind.Relative),
                new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            var answer = Describe(response);
            var matched = expect switch
            {
                Handled => IsHandled(response),
                SignedOut => TestSession.IsRedirectTo(response, "/Account/Login") && TestSession.IsRedirectTo(await session.GetAsync("/Account/ChangePassword"), "/Account/Login"),
                _ => false,
            };
            actual.Add($"{identity}: {(matched ? expect.ToString() : answer)}");
            expected.Add($"{identity}: {expect}");
            if (expect is Forbidden or RedirectToLogin or NotFound && await FormCrawler.FingerprintAsync(app) != before)
            {
                changedByRefusals.Add($"{identity} ({answer})");
            }

            await _withTokens.KeepOrRetireAsync(identity);
        }

        Assert.Multiple(() =>
        {
            Assert.That(actual, Is.EqualTo(expected), $"POST {url} with a valid token");
            Assert.That(changedByRefusals, Is.Empty, $"POST {url}: refused, yet the data changed");
        });
    }

    [Test]
    public void Matrix_PostLines_ExpectRefusalWithoutAntiforgeryToken()
    {
        var posts = Matrix.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();

        Assert.That(posts, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var rule in posts)
            {
                Assert.That(rule.Expectations.Select(e => e.Expect), Is.All.AnyOf(BadRequest, Forbidden, RedirectToLogin), $"{rule.Method} {rule.Pattern}: a tokenless POST must be refused");
                Assert.That(rule.Expectations.Where(e => e.Identity != AnonymousName).Select(e => e.Expect), Has.Some.EqualTo(BadRequest), $"{rule.Method} {rule.Pattern}: a signed-in user it admits must still be refused without a token");
            }
        });
    }

    [TestCase(null, "/Account/Login")]
    [TestCase(Roles.Administrator, "/")]
    [TestCase(Roles.Administrator, "/Admin/Audit")]
    [TestCase(Roles.Applicant, "/")]
    [TestCase(Roles.Applicant, "/Admin/Audit")]
    [TestCase(null, "/no/such/page")]
    public async Task Page_Always_SendsSecurityHeadersAndIsNeverCached(string? role, string url)
    {
        var response = await _sessions[role ?? AnonymousName].GetAsync(url);

        var csp = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Multiple(() =>
        {
            Assert.That(csp["script-src"], Does.Contain("'self'").And.Not.Contain("'unsafe-inline'").And.Not.Contain("'unsafe-eval'"));
            Assert.That(csp["default-src"], Is.EqualTo(new[] { "'self'" }));
            Assert.That(csp["frame-ancestors"], Is.EqualTo(new[] { "'none'" }));
            Assert.That(csp["object-src"], Is.EqualTo(new[] { "'none'" }));
            Assert.That(csp.ContainsKey("style-src") && !csp["style-src"].Contains("'unsafe-inline'"), Is.True, "style-src without 'unsafe-inline'");
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
        });
    }

    [Test]
    public async Task StaticAsset_MayBeCachedButKeepsNosniff()
    {
        var response = await _sessions[AnonymousName].GetAsync("/css/site.css");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore ?? false, Is.False);
        Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task SignIn_AuthCookie_IsHttpOnlyLaxAndEndsWithTheBrowserSession()
    {
        using var session = _app.NewSession();

        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer2@trustfund.test", ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = cookies.Where(c => c.StartsWith("TrustFund.Auth", StringComparison.Ordinal)).ToList();
        Assert.That(auth, Is.Not.Empty, string.Join('\n', cookies));
        foreach (var cookie in auth)
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.That(attributes, Does.Contain("httponly"), cookie);
            Assert.That(attributes, Does.Contain("samesite=lax"), cookie);
            Assert.That(attributes, Does.Contain("path=/"), cookie);
            Assert.That(attributes.Any(a => a.StartsWith("expires=", StringComparison.Ordinal) || a.StartsWith("max-age=", StringComparison.Ordinal)), Is.False, $"not kept after the browser closes: {cookie}");
        }
    }

    [Test]
    public async Task AccessDenied_SignedInUser_IsRecordedInTheAuditTrail()
    {
        var before = await DenialsAsync();

        var refused = await _sessions[Roles.Applicant].GetAsync("/Admin/Audit?Action=account.*");
        var anonymous = await _sessions[AnonymousName].GetAsync("/Admin/Audit");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(TestSession.IsRedirectTo(anonymous, "/Account/Login"), Is.True);
        var after = await DenialsAsync();
        Assert.That(after, Has.Count.EqualTo(before.Count + 1), "one entry for the signed-in refusal, none for the anonymous redirect");
        var entry = after[^1];
        Assert.That(entry.Actor, Is.EqualTo("applicant@trustfund.test"));
        Assert.That(entry.Summary, Is.EqualTo("GET /Admin/Audit refused"));
        Assert.That(entry.ActorId, Is.Not.Null);
    }

    private async Task<List<(string? Actor, string Summary, Guid? ActorId)>> DenialsAsync()
    {
        var rows = await _app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditActions.PermissionDenied)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.ActorName, e.Summary, e.ActorId })
            .ToListAsync());
        return [.. rows.Select(r => (r.ActorName, r.Summary, r.ActorId))];
    }

    private Dictionary<EndpointKey, RouteEndpoint> MappedEndpoints() => RouteSamples.MappedEndpoints(_app);

    private string FillRoute(RoutePattern pattern) => _samples.Fill(pattern);

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            return TestSession.IsRedirectTo(response, "/Account/Login") ? nameof(RedirectToLogin) : nameof(Redirect);
        }

        return status switch
        {
            200 => nameof(Ok),
            400 => nameof(BadRequest),
            403 => nameof(Forbidden),
            404 => nameof(NotFound),
            500 => nameof(ServerError),
            _ => status.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The action ran: a page, a redirect elsewhere than the sign-in page, or 400 (never a 500, never a refusal).</summary>
    private static bool IsHandled(HttpResponseMessage response) =>
        (int)response.StatusCode is 200 or 400
        || ((int)response.StatusCode is >= 300 and < 400 && !TestSession.IsRedirectTo(response, "/Account/Login"));

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.OrdinalIgnoreCase);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    public readonly record struct EndpointKey(string Method, string Pattern)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    /// <summary>One line of the matrix: an endpoint and what each identity gets from it.</summary>
    public sealed record EndpointRule(string Method, string Pattern, Expect Anonymous, Expect Applicant, Expect Reviewer, Expect FundManager, Expect FinanceOfficer, Expect Administrator)
    {
        public EndpointKey Key => new(Method, Pattern);

        public IEnumerable<(string Identity, Expect Expect)> Expectations =>
        [
            (AnonymousName, Anonymous),
            (Roles.Applicant, Applicant),
            (Roles.Reviewer, Reviewer),
            (Roles.FundManager, FundManager),
            (Roles.FinanceOfficer, FinanceOfficer),
            (Roles.Administrator, Administrator),
        ];

        public override string ToString() => $"{Method} {Pattern}";
    }
}
