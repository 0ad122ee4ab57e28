using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Runs the FluentValidation validator of every action argument that has one and copies its
/// errors into ModelState, keyed by property name so the error summary can link to each field.
/// </summary>
internal sealed class FluentValidationFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
            {
                continue;
            }

            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                // A field that failed to bind already carries a clearer type error.
                if (context.ModelState.TryGetValue(error.PropertyName, out var entry) && entry.Errors.Count > 0)
                {
                    continue;
                }

                context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }

        await next();
    }
}
