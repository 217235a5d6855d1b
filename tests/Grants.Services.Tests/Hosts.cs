extern alias applications;
extern alias payments;
extern alias review;

namespace Grants.Services.Tests;

public sealed class Applications_service() : ServiceContract<applications::Program>("applications");

public sealed class Review_service() : ServiceContract<review::Program>("review");

public sealed class Payments_service() : ServiceContract<payments::Program>("payments");
