// One import for the whole library: the layers below are separate targets so that the compiler keeps each
// stage from reaching into a later one, not so that users must import three modules.
@_exported import CandorRules
@_exported import CandorText
